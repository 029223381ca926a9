/**
 * 预约取号：各大厅的预约时段与每个时段的可约人数。
 *
 * 默认时段为工作日 09:00–12:00、13:30–17:00，每 30 分钟一个时段；超出大厅开放时间的时段不开放预约。
 * 容量按大厅窗口数的一部分留给预约（其余窗口接待现场取号），为示例数据，上线前须由各大厅核定。
 * 未列出的大厅（24 小时自助终端除外）按默认时段、每时段 4 人开放预约。
 */
export const seedHallSchedules = [
  // 区政务服务中心中午不休息：午间也开放预约，14 个窗口中约一半接待预约。
  {
    hallId: 'hs-zwfw-center',
    capacity: 12,
    periods: [{ start: '09:00', end: '17:00' }],
    note: '中午不休息，午间时段也可预约',
  },
  { hallId: 'hs-bdc-hall', capacity: 6, note: '二手房转移登记、抵押登记建议预约' },
  { hallId: 'hs-tax-hall', capacity: 6 },
  { hallId: 'hs-crj-hall', capacity: 4, slotMinutes: 20, note: '出入境证件每 20 分钟一个时段' },
  { hallId: 'luonan-centre', capacity: 2 },
  { hallId: 'guanshan-centre', capacity: 2 },
  { hallId: 'heping-centre', capacity: 2 },
];
