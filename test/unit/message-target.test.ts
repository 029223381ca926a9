import { messageTarget } from '../../src/me/account/messages/message-target';

describe('the page a 消息 opens', () => {
  it.each([
    ['case_returned', 'case', 'c-1', '/prereview/case/index?id=c-1'],
    ['ticket_rectifying', 'rating', 'r 2', '/rating/detail/index?id=r%202'],
    ['commitment_false', 'commitment', 'm-3', '/commitment/receipt/index?id=m-3'],
    ['appointment_reminder', 'appointment', 'b-4', '/visit/mine/index?booking=b-4'],
    ['queue_near', 'appointment', 't-5', '/visit/ticket/index?id=t-5'],
  ] as const)('%s about a %s opens %s', (kind, subjectKind, id, page) => {
    expect(messageTarget({ kind, subject: { kind: subjectKind, id } })).toBe(page);
  });
});
