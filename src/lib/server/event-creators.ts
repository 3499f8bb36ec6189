// Who may start an event on this installation (instance_settings, DESIGN §2), asked before
// anything is mailed to someone who has no account yet. The database asks the same of every
// insert (can_create_events); this only keeps the operator's allow list from being a way
// to create accounts.
import { adminClient } from './auth-admin';
import { unwrap } from './errors';

export async function mayStartEvents(email: string): Promise<boolean> {
	const admin = adminClient();
	const settings = unwrap(
		'eventCreators.settings',
		await admin.from('instance_settings').select('event_creators').single()
	);
	if (settings.event_creators !== 'allow_list') return true;
	const address = email.toLowerCase();
	const domain = address.split('@')[1] ?? '';
	const allowed = unwrap(
		'eventCreators.allowList',
		await admin.from('event_creator_allow_list').select('entry').in('entry', [address, domain])
	);
	return allowed.length > 0;
}
