import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { MAIN_DEMO_RESIDENT } from '../../../gateway/src/demo/demo-residents';
import type { Session } from './page-tour';
import type { RunningGateway } from './running-gateway';
import { signInForToken } from './sign-in';
import { publicTourIds, residentTourIds, type TourIds } from './tour-ids';

/** A demo resident's login, kept to open later contexts already signed in. */
export interface TourLogin {
  state: BrowserContextOptions['storageState'];
  ids: TourIds;
}

/**
 * The ids a tour of `session` opens pages with. Logged in, the main demo resident signs in through
 * the SMS login page the first time (the gateway sends one code a minute per number) and `saved`
 * keeps the login: open later contexts with `saved.login?.state`.
 */
export async function tourIdsFor(
  gateway: RunningGateway,
  context: BrowserContext,
  page: Page,
  session: Session,
  saved: { login?: TourLogin },
): Promise<TourIds> {
  if (session === 'logged-out') return publicTourIds(gateway);
  if (!saved.login) {
    const token = await signInForToken(page, gateway, MAIN_DEMO_RESIDENT.mobile);
    saved.login = { state: await context.storageState(), ids: await residentTourIds(gateway, token) };
  }
  return saved.login.ids;
}
