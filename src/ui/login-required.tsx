import { ActionButton } from './action-button';
import { EmptyState } from './empty-state';
import { navigate } from './navigate';
import { PageShell } from './page-shell';
import { routes } from './routes';

export type LoginRequiredProps = { title: string; returnTo: string };

/** A personal page opened while logged out: one tap to log in and come back here. */
export function LoginRequired({ title, returnTo }: LoginRequiredProps) {
  return (
    <PageShell>
      <EmptyState title={title}>
        <ActionButton variant='primary' onClick={() => navigate(routes.login(returnTo))}>
          去登录
        </ActionButton>
      </EmptyState>
    </PageShell>
  );
}
