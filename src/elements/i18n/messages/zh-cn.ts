import type { Messages } from './en.js';

/**
 * Simplified Chinese messages (mainland usage, "您" where a form of address is needed), in the
 * register of the Chinese pages of opentelemetry.io. Every key of the English catalog, with the same
 * `{name}` placeholders (`satisfies Messages` makes a missing or extra key a type error). Labels
 * that extend a visible text start with that text (WCAG 2.5.3). Chinese has a single plural form,
 * so no template needs `{count, plural, …}`.
 *
 * Spacing: one half-width space between Chinese and Latin letters or numbers ("Slack 频道",
 * "未来 30 天", "每月 21 日"), none next to full-width punctuation ("（HTTP 404）"), as on
 * opentelemetry.io/zh. Text that `Intl` writes keeps its own form ("6月26日", "GMT+1 11:00").
 *
 * Cadence sentences: "每月第三个星期二 GMT+1 11:00". Ordinals are Chinese numerals with the measure
 * word ("第三个", "最后一个", "倒数第二个") and join the weekday without a space; `{weekday}` is
 * Intl's "星期二", `{weekdays}` Intl's list ("星期二和星期四"), `{date}` Intl's "6月26日", `{time}`
 * Intl's "GMT+1 11:00" (Chinese writes the zone first and has no "CET").
 */
export const messages = {
  loading: '正在加载活动…',
  loaded: '已加载 {count} 个近期活动。',
  shown: '当前显示 {count} 个活动。',
  empty: '未来 {days} 天内没有活动。',
  emptyFiltered: '未来 {days} 天内没有与“{filter}”匹配的活动。',
  nextBeyond: '下一个活动：',
  errorTitle: '无法加载日历',
  errorNetwork: '无法访问日历（网络问题，或者服务器不允许本网站读取该日历）。',
  errorOffline: '您似乎处于离线状态。',
  errorTimeout: '日历响应超时。',
  errorHttp: '日历服务器返回了错误（HTTP {status}）。',
  errorNotFound: '未找到日历（HTTP 404）。',
  errorRateLimited: '{minutes, plural, other {日历服务器繁忙（HTTP {status}）。请在 # 分钟后重试。}}',
  errorRateLimitedLater: '日历服务器繁忙（HTTP {status}）。请稍后重试。',
  errorConnectionLost: '加载日历时连接中断；不会显示不完整的数据。',
  errorForbidden: '访问日历被拒绝（HTTP {status}）。',
  errorNotCalendar: '该地址指向的不是日历。',
  errorTooLarge: '日历过大，无法在此显示。',
  errorNoSource: '此列表未配置任何日历。',
  partialError: '有一个日历无法加载：{message}',
  feedWarnings: '{count, plural, other {此日历有 # 个问题；已显示所有可读取的内容。}}',
  retry: '重试',
  openCalendar: '打开日历',
  savedAgo: '正在显示{ago}保存的活动。',
  staleAgo: '正在显示{ago}保存的活动；日历无法刷新。',
  happeningNow: '正在进行',
  cancelled: '已取消',
  allDay: '全天',
  yourTime: '本地时间',
  join: '加入',
  joinLabel: '加入：{title}',
  details: '详情',
  detailsLabel: '详情：{title}',
  addToCalendar: '添加到日历',
  addToCalendarLabel: '添加到日历：{title}',
  downloadEvent: '此活动（.ics）',
  downloadSeries: '所有场次（.ics）',
  googleCalendar: 'Google 日历',
  outlookCalendar: 'Outlook',
  subscribe: '订阅此日历',
  moreInfo: '更多信息',
  untitled: '（无标题活动）',
  eventsList: '近期活动',

  // <otel-discussion-card>
  regionAMER: '美洲',
  regionEMEA: '欧洲、中东和非洲',
  regionAPAC: '亚太地区',
  discussionGroup: '讨论组',
  region: '地区',
  format: '形式',
  formatLeanCoffee: '精益咖啡（Lean Coffee）',
  leanCoffeeExplained: '参与者在开始时共同制定议程，对话题投票，然后按顺序逐一讨论，每个话题几分钟。',
  learnMore: '了解更多',
  schedule: '时间',
  nextSessions: '近期会议',
  nextSession: '下次会议',
  noSessions: '暂无已安排的会议。',
  communityLinks: '社区',
  slack: 'Slack 频道',
  notes: '会议记录',
  addSeries: '将所有会议添加到日历',
  cadenceDaily: '每天 {time}',
  cadenceWeekdays: '每周一至周五 {time}',
  cadenceWeekly: '每周{weekdays} {time}',
  cadenceEveryNWeeks: '每 {n} 周的{weekdays} {time}',
  cadenceMonthlyNth: '每月{ordinal}{weekday} {time}',
  cadenceEveryNMonthsNth: '每 {n} 个月的{ordinal}{weekday} {time}',
  cadenceMonthlyDay: '每月 {day} 日 {time}',
  cadenceMonthlyLastDay: '每月最后一天 {time}',
  cadenceYearly: '每年 {date} {time}',
  ordinal1: '第一个',
  ordinal2: '第二个',
  ordinal3: '第三个',
  ordinal4: '第四个',
  ordinal5: '第五个',
  'ordinal-1': '最后一个',
  'ordinal-2': '倒数第二个',

  // <chatham-notice>
  chathamTitle: '查塔姆研究所规则',
  chathamRule:
    '当会议或会议的一部分按照查塔姆研究所规则举行时，与会者可以自由使用所获得的信息，但不得透露发言者或任何其他与会者的身份及所属机构。',
  chathamSource: '关于查塔姆研究所规则',
  chathamNoRecording: '本会议不录制。',
  chathamNoLeads: '不收集销售线索：在此分享的联系方式不得用于销售或营销。',
  recordedTitle: '会议录制',
  recordedText: '本会议将被录制，录像可能会公开发布。请只发表可以公开的内容。',
  dismiss: '关闭',

  // otel-calendar list --format markdown
  agendaEmpty: '{from}至{to}没有活动。',
  agendaEmptyDay: '{date}没有活动。',
  asOf: '截至 {date}。',
} satisfies Messages;

/** The Simplified Chinese catalog under its own name, for tests and for `registerMessages`. */
export const zhCn = messages;
