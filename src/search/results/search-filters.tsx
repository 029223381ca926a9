import { View } from '@tarojs/components';
import type { TongbanScope } from '@contract/catalogue';
import { useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { homeFeedQuery } from '../home-feed-query';
import type { SearchFilters } from '../use-item-search';
import '@/ui/chips.scss';

export type SearchFilterBarProps = {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
};

const AUDIENCES = [
  { value: undefined, label: '全部' },
  { value: 'person', label: '个人' },
  { value: 'business', label: '法人' },
] as const;

const SCOPES: { value: TongbanScope | undefined; label: string }[] = [
  { value: undefined, label: '不限' },
  { value: 'city', label: '全市通办' },
  { value: 'cross-province', label: '跨省通办' },
];

function Chip(props: { label: string; active: boolean; onClick: () => void }) {
  return (
    <View
      className={props.active ? 'chip chip--active' : 'chip'}
      role='button'
      aria-pressed={props.active}
      onClick={props.onClick}
    >
      {props.active ? '✓ ' : ''}
      {props.label}
    </View>
  );
}

function FilterBar({ filters, onChange }: SearchFilterBarProps) {
  const [showDepartments, setShowDepartments] = useState(false);
  // The department list comes with the home screen's data, asked for only when it is shown: a
  // search that never opens it does not wait behind it on a slow link.
  const home = useQuery({ ...homeFeedQuery, enabled: showDepartments || filters.department !== undefined });
  const departments = home.data?.departments ?? [];
  const department = departments.find((d) => d.id === filters.department);
  return (
    <View className='filters'>
      <View className='chips'>
        {AUDIENCES.map((a) => (
          <Chip
            key={a.label}
            label={a.label}
            active={filters.audience === a.value}
            onClick={() => onChange({ ...filters, audience: a.value })}
          />
        ))}
        <Chip
          label='全程网办'
          active={filters.fullyOnline === true}
          onClick={() => onChange({ ...filters, fullyOnline: filters.fullyOnline ? undefined : true })}
        />
        {SCOPES.map((s) => (
          <Chip
            key={s.label}
            label={s.label}
            active={filters.scope === s.value}
            onClick={() => onChange({ ...filters, scope: s.value })}
          />
        ))}
        <Chip
          label={department ? `部门：${department.shortName}` : '按部门'}
          active={Boolean(department)}
          onClick={() => setShowDepartments((v) => !v)}
        />
      </View>
      {showDepartments ? (
        <View className='chips filters__departments'>
          <Chip
            label='全部部门'
            active={!filters.department}
            onClick={() => {
              onChange({ ...filters, department: undefined });
              setShowDepartments(false);
            }}
          />
          {home.isPending ? (
            <View className='chip muted' role='status'>
              正在加载部门…
            </View>
          ) : null}
          {home.isError ? (
            <Chip label='部门加载失败，点此重试' active={false} onClick={() => void home.refetch()} />
          ) : null}
          {departments.map((d) => (
            <Chip
              key={d.id}
              label={d.shortName}
              active={d.id === filters.department}
              onClick={() => {
                onChange({ ...filters, department: d.id });
                setShowDepartments(false);
              }}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}

/**
 * Audience, department, 全程网办 and 通办 filters; selected chips carry a tick, not only a colour.
 * Memoised: its props change with the filters, not with each keystroke or page of results.
 */
export const SearchFilterBar = memo(FilterBar);
