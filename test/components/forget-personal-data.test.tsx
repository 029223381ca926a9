import { QueryClient } from '@tanstack/react-query';
import { forgetPersonalDataOnSignOut } from '@/core/forget-personal-data';
import { queryKeys } from '@/core/query-keys';
import { session } from '@/core/session';

const tokens = { accessToken: 'a', accessExpiresIn: 600, refreshToken: 'r', refreshExpiresIn: 6000 };

test('when the session ends, the person’s cached answers go and the public ones stay', () => {
  session.replaceTokens(tokens);
  const client = new QueryClient();
  client.setQueryData(queryKeys.cases, { cases: ['HS-2026-0001'] });
  client.setQueryData(queryKeys.case('c1'), { id: 'c1' });
  client.setQueryData(queryKeys.favourite('HS-GA-0005'), { favourite: true });
  client.setQueryData(queryKeys.myRatings, { ratings: [] });
  client.setQueryData(queryKeys.guide('HS-GA-0005'), { name: '户口迁移' });
  client.setQueryData(queryKeys.home, { hotItems: [] });
  const stop = forgetPersonalDataOnSignOut(client);

  // A token refresh is not an end.
  session.replaceTokens({ ...tokens, accessToken: 'b' });
  expect(client.getQueryData(queryKeys.cases)).toBeDefined();

  session.clear();
  expect(client.getQueryData(queryKeys.cases)).toBeUndefined();
  expect(client.getQueryData(queryKeys.case('c1'))).toBeUndefined();
  expect(client.getQueryData(queryKeys.favourite('HS-GA-0005'))).toBeUndefined();
  expect(client.getQueryData(queryKeys.myRatings)).toBeUndefined();
  expect(client.getQueryData(queryKeys.guide('HS-GA-0005'))).toEqual({ name: '户口迁移' });
  expect(client.getQueryData(queryKeys.home)).toEqual({ hotItems: [] });
  stop();
});
