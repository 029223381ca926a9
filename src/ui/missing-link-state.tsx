import { ActionButton } from './action-button';
import { EmptyState } from './empty-state';
import { navigate } from './navigate';
import { PageShell } from './page-shell';

export type MissingLinkStateProps = {
  /** What the link should have opened, e.g. 办件. */
  subject: string;
  /** Where the person finds it instead, and the button's words. */
  returnTo: string;
  returnLabel: string;
};

/**
 * A page opened without the id it shows (a cut link, an old QR code): say so and lead to the list
 * where the thing can be found, instead of loading forever.
 */
export function MissingLinkState({ subject, returnTo, returnLabel }: MissingLinkStateProps) {
  return (
    <PageShell>
      <EmptyState title={`链接不完整，无法打开${subject}`} description='链接可能被截断，或二维码已失效。'>
        <ActionButton variant='primary' onClick={() => navigate(returnTo)}>
          {returnLabel}
        </ActionButton>
      </EmptyState>
    </PageShell>
  );
}
