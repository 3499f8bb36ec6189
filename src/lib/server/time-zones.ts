/** The IANA time zones this server knows, UTC first: the venue's zone is chosen from them. */
export function timeZones(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
