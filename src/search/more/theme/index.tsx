import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { catalogueApi } from '@/core/api/catalogue';
import { isApiError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { formatAudiences, formatTimeLimit } from '@/lib/format';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { ArrowRight } from '@/ui/icons';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { MaterialList } from '../../guide/material-list';
import './index.scss';

/** 一件事: several items, one application, one set of materials. */
export default function ThemePage() {
  const code = useRouter().params.code ?? '';
  const theme = useQuery({
    queryKey: queryKeys.theme(code),
    queryFn: ({ signal }) => catalogueApi.theme(code, signal),
    enabled: code !== '',
  });

  if (!code || (isApiError(theme.error) && theme.error.code === 'NOT_FOUND')) {
    return (
      <PageShell>
        <EmptyState title='未找到该主题事项' description='请返回首页查看其他“一件事”'>
          <Button type='primary' className='tap-target' onClick={() => navigate(routes.home)}>
            返回首页
          </Button>
        </EmptyState>
      </PageShell>
    );
  }
  if (theme.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (theme.isError) {
    return (
      <PageShell>
        <ErrorState error={theme.error} onRetry={() => void theme.refetch()} />
      </PageShell>
    );
  }
  const t = theme.data;
  const separateDays = t.items.reduce((sum, item) => sum + item.promisedDays, 0);
  return (
    <PageShell>
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          {t.name}
        </View>
        <Text className='muted'>{t.description}</Text>
        <CellGroup className='theme__facts'>
          <Cell
            title='合并办理承诺时限'
            extra={`${formatTimeLimit(t.promisedDays)}${separateDays > t.promisedDays ? `（分别办理共${separateDays}个工作日）` : ''}`}
          />
          <Cell title='到现场次数' extra={t.visits === 0 ? '0次' : `最多${t.visits}次`} />
        </CellGroup>
      </View>
      <View className='section__title theme__items-title' role='heading' aria-level={2}>
        包含的事项（{t.items.length}项）
      </View>
      <CellGroup className='theme__items'>
        {t.items.map((item) => (
          // Cell takes no role: the row says it is a link to the item's guide.
          <View key={item.code} role='link' onClick={() => navigate(routes.guide(item.code))}>
            <Cell
              className='theme__item tap-target'
              clickable
              align='center'
              title={<Text className='theme__item-name'>{item.name}</Text>}
              description={`${item.departmentName} · ${formatAudiences(item.audiences)} · 承诺${formatTimeLimit(item.promisedDays)}`}
              extra={<ArrowRight className='theme__arrow' />}
            />
          </View>
        ))}
      </CellGroup>
      <View className='section'>
        <Text className='section__title'>一套材料（已合并重复材料，共{t.materials.length}项）</Text>
        <MaterialList materials={t.materials} />
      </View>
      <View className='section'>
        <Button type='primary' block className='tap-target' onClick={() => navigate(routes.applyTheme(t.code))}>
          一次申报（一张表单、一套材料）
        </Button>
      </View>
    </PageShell>
  );
}
