import { Comment, Edit, LocationF, Notice, Order, Scan, Star, User } from '@/ui/icons';
import { CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accountApi } from '@/core/api/account';
import { unreadNotificationCount } from '@/core/api/unread-count';
import { queryKeys } from '@/core/query-keys';
import { session } from '@/core/session';
import { clearAppStorage } from '@/core/storage';
import { ActionButton } from '@/ui/action-button';
import { useCareMode } from '@/ui/care-mode';
import { LabelledSwitch } from '@/ui/labelled-switch';
import { MenuCell } from '@/ui/menu-cell';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import './index.scss';

export default function MePage() {
  const { user, tokens } = useSession();
  const { careMode, setCareMode } = useCareMode();
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: queryKeys.unreadNotifications,
    queryFn: ({ signal }) => unreadNotificationCount(signal),
    enabled: Boolean(tokens),
  });

  useDidShow(() => {
    if (session.isLoggedIn()) void unread.refetch();
    // Real-name state can change at the gateway (verification done elsewhere): refresh it quietly.
    if (session.isLoggedIn())
      accountApi
        .me()
        .then((u) => session.setUser(u))
        .catch(() => undefined);
  });

  const logout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？' });
    if (!confirm) return;
    const refreshToken = session.get().tokens?.refreshToken;
    session.clear();
    queryClient.clear();
    // The local session is gone either way; telling the gateway revokes the refresh token too.
    if (refreshToken) await accountApi.logout(refreshToken).catch(() => undefined);
    void Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  const clearLocalData = async () => {
    const { confirm } = await Taro.showModal({
      title: '清除本机数据',
      content: '将清除本机保存的登录状态、搜索记录和设置，不影响您在网上的办件。确定清除吗？',
    });
    if (!confirm) return;
    clearAppStorage();
    session.clear();
    queryClient.clear();
    setCareMode(false);
    void Taro.showToast({ title: '已清除', icon: 'none' });
  };

  return (
    <PageShell className='me'>
      <View className='me__card'>
        {tokens && user ? (
          <>
            <Text className='me__name'>{user.realName.verified ? user.realName.nameMasked : '未实名用户'}</Text>
            {user.mobileMasked ? <Text className='me__line'>手机号 {user.mobileMasked}</Text> : null}
            {/* 消息 and 预约 in the card, where they are seen first; the unread count in words. */}
            <View className='me__quick'>
              <View className='me__pill tap-target' role='link' onClick={() => navigate(routes.messages)}>
                {`消息${unread.data?.unread ? ` · ${unread.data.unread} 条未读` : ''} ›`}
              </View>
              <View className='me__pill tap-target' role='link' onClick={() => navigate(routes.myBookings())}>
                我的预约 ›
              </View>
            </View>
            {user.realName.verified ? (
              <Text className='me__line'>已实名认证 · 身份证 {user.realName.idNumberMasked}</Text>
            ) : (
              <View className='me__line me__link' role='link' onClick={() => navigate(routes.realName)}>
                未实名认证，去认证 ›
              </View>
            )}
          </>
        ) : (
          <>
            <Text className='me__name'>您还未登录</Text>
            <ActionButton className='me__login' onClick={() => navigate(routes.login())}>
              登录 / 注册
            </ActionButton>
          </>
        )}
      </View>

      <CellGroup className='me__menu'>
        <MenuCell
          icon={<Order />}
          title='我的办件'
          onClick={() => navigate(tokens ? routes.cases : routes.login(routes.cases))}
        />
        <MenuCell
          icon={<Edit />}
          title='我的承诺'
          onClick={() => navigate(tokens ? routes.myCommitments : routes.login(routes.myCommitments))}
        />
        <MenuCell
          icon={<Comment />}
          title='我的评价'
          onClick={() => navigate(tokens ? routes.myRatings : routes.login(routes.myRatings))}
        />
        <MenuCell
          icon={<Star />}
          title='我的收藏'
          onClick={() => navigate(tokens ? routes.favourites : routes.login(routes.favourites))}
        />
        {tokens && user && !user.realName.verified ? (
          <MenuCell icon={<User />} title='实名认证' note='未认证' onClick={() => navigate(routes.realName)} />
        ) : null}
      </CellGroup>

      <CellGroup className='me__menu'>
        <MenuCell icon={<Scan />} title='扫码评价窗口服务' onClick={() => navigate(routes.rateWindow)} />
        <MenuCell icon={<Notice />} title='好差评公示' onClick={() => navigate(routes.ratingStats)} />
        <MenuCell icon={<LocationF />} title='就近办' onClick={() => navigate(routes.nearby)} />
      </CellGroup>

      <CellGroup className='me__menu'>
        <LabelledSwitch
          className='me__care'
          label='关怀模式'
          hint='字体更大、按钮更大，方便长辈使用'
          checked={careMode}
          onChange={(on) => setCareMode(on)}
        />
        <MenuCell title='隐私政策' onClick={() => navigate(routes.privacy)} />
        <MenuCell title='清除本机数据' onClick={() => void clearLocalData()} />
      </CellGroup>

      {tokens ? (
        <View className='section'>
          <ActionButton block onClick={() => void logout()}>
            退出登录
          </ActionButton>
        </View>
      ) : null}
    </PageShell>
  );
}
