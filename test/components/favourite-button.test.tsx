import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { favouritesApi } from '@/core/api/favourites';
import { ApiError } from '@/core/http/api-error';
import { session } from '@/core/session';
import { FavouriteButton } from '@/search/guide/favourite-button';

jest.mock('@/core/api/favourites', () => ({
  favouritesApi: { state: jest.fn(), set: jest.fn() },
}));

const api = jest.mocked(favouritesApi);

function renderButton(onNotice = jest.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <FavouriteButton code='HS-GA-0005' onNotice={onNotice} />
    </QueryClientProvider>,
  );
  return onNotice;
}

beforeEach(() => {
  jest.clearAllMocks();
  session.replaceTokens({ accessToken: 'a', accessExpiresIn: 600, refreshToken: 'r', refreshExpiresIn: 6000 });
  api.state.mockResolvedValue({ code: 'HS-GA-0005', favourite: false });
});

afterEach(() => act(() => session.clear()));

test('a double tap saves once, and the button then says 已收藏', async () => {
  let answer: (value: { code: string; favourite: boolean }) => void = () => undefined;
  api.set.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  const onNotice = renderButton();
  const button = await screen.findByRole('button', { name: '☆ 收藏' });
  fireEvent.click(button);
  fireEvent.click(button);
  expect(api.set).toHaveBeenCalledTimes(1);
  expect(api.set).toHaveBeenCalledWith('HS-GA-0005', true);
  await act(async () => answer({ code: 'HS-GA-0005', favourite: true }));
  await screen.findByRole('button', { name: '★ 已收藏' });
  expect(onNotice).toHaveBeenCalledWith('已收藏，可在“我的收藏”中找到', 'info');
});

test('a failed save says why, and the next tap tries again', async () => {
  api.set.mockRejectedValueOnce(new ApiError({ code: 'NETWORK' }));
  const onNotice = renderButton();
  fireEvent.click(await screen.findByRole('button', { name: '☆ 收藏' }));
  await waitFor(() => expect(onNotice).toHaveBeenCalledWith('收藏未成功：网络连接失败，请检查网络后重试', 'error'));
  api.set.mockResolvedValueOnce({ code: 'HS-GA-0005', favourite: true });
  fireEvent.click(screen.getByRole('button', { name: '☆ 收藏' }));
  await screen.findByRole('button', { name: '★ 已收藏' });
  expect(api.set).toHaveBeenCalledTimes(2);
});
