import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { MessageKey } from '$lib/domain/errors';
import type { Locale } from '$lib/domain/locale';
import type { EventContext, EventPageData } from '$lib/server/events';
import type { BrowserSupabaseSettings } from '$lib/supabase/settings';
import type { Database } from '$lib/supabase/database.types';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Short id of a logged unexpected error, shown so people can report it. */
			reference?: string;
			/** Why the database refused (`error.data.*`, see $lib/domain/errors), shown translated. */
			messageKey?: MessageKey;
		}
		interface Locals {
			locale: Locale;
			supabase: SupabaseClient<Database>;
			/** The verified session and user, or nulls for a visitor. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
			session: Session | null;
			user: User | null;
			/** The event with this slug as the caller may read it and their role; null if hidden. */
			eventContext(slug: string): Promise<EventContext | null>;
			/** The guard's refusal of this page, rendered by the refused group's layout. */
			routeDenial?: 403 | 404;
		}
		interface PageData {
			locale: Locale;
			/** Set by the root layout: what the browser's Supabase client needs. */
			supabase: BrowserSupabaseSettings;
			/** Set by the event layout on every page under /[event]. */
			event?: EventPageData;
		}
	}
}

export {};
