import type { Messages } from './en.js';

/**
 * Japanese messages, in the polite です・ます style of the Japanese pages of opentelemetry.io.
 * Every key of the English catalog, with the same `{name}` placeholders (`satisfies Messages` makes
 * a missing or extra key a type error). Labels that extend a visible text start with that text
 * (WCAG 2.5.3). Japanese has a single plural form, so no template needs `{count, plural, …}`.
 *
 * Spacing: a half-width space between a Latin word and Japanese ("Slack チャンネル", as on
 * opentelemetry.io/ja); no space between a number and its counter or date unit ("第3", "21日",
 * "2週間", "30日間"), as in the dates `Intl` writes ("6月26日", "11月18日水曜日"). Full-width
 * punctuation: "（）", "：", "「」".
 *
 * Cadence sentences: "毎月第3火曜日の11:00 GMT+1". `{ordinal}{weekday}` join without a space
 * ("第3" + "火曜日", "最終" + "金曜日"); ordinals are Arabic numerals ("第3", usual in horizontal
 * text). `{weekdays}` is `Intl.ListFormat`'s Japanese list ("火曜日、木曜日"), `{date}` Intl's
 * "6月26日", `{time}` Intl's "11:00 GMT+1" (Japanese has no "CET"), placed after the day with "の".
 */
export const messages = {
  loading: 'イベントを読み込んでいます…',
  loaded: '今後のイベントを{count}件読み込みました。',
  shown: '{count}件のイベントを表示しています。',
  empty: '今後{days}日間に予定されているイベントはありません。',
  emptyFiltered: '今後{days}日間に「{filter}」に一致するイベントはありません。',
  nextBeyond: '次回：',
  errorTitle: 'カレンダーを読み込めませんでした',
  errorNetwork:
    'カレンダーにアクセスできませんでした（ネットワークの問題か、サーバーがこのサイトからの読み込みを許可していません）。',
  errorOffline: 'オフラインになっているようです。',
  errorTimeout: 'カレンダーの応答に時間がかかりすぎました。',
  errorHttp: 'カレンダーのサーバーがエラーを返しました（HTTP {status}）。',
  errorNotFound: 'カレンダーが見つかりませんでした（HTTP 404）。',
  errorRateLimited:
    '{minutes, plural, other {カレンダーのサーバーが混み合っています（HTTP {status}）。# 分後にもう一度お試しください。}}',
  errorRateLimitedLater:
    'カレンダーのサーバーが混み合っています（HTTP {status}）。しばらくしてからもう一度お試しください。',
  errorConnectionLost: 'カレンダーの読み込み中に接続が切れました。不完全なデータは表示しません。',
  errorForbidden: 'カレンダーへのアクセスが拒否されました（HTTP {status}）。',
  errorNotCalendar: 'このアドレスの内容はカレンダーではありません。',
  errorTooLarge: 'カレンダーが大きすぎるため、ここには表示できません。',
  errorNoSource: 'このリストにはカレンダーが設定されていません。',
  partialError: 'カレンダーの1つを読み込めませんでした：{message}',
  feedWarnings:
    '{count, plural, other {このカレンダーには#件の問題があります。読み取れた内容はすべて表示しています。}}',
  retry: '再試行',
  openCalendar: 'カレンダーを開く',
  savedAgo: '{ago}に保存したイベントを表示しています。',
  staleAgo: '{ago}に保存したイベントを表示しています。カレンダーを更新できませんでした。',
  happeningNow: '開催中',
  cancelled: '中止',
  allDay: '終日',
  yourTime: 'お使いのタイムゾーン',
  join: '参加',
  joinLabel: '参加：{title}',
  details: '詳細',
  detailsLabel: '詳細：{title}',
  addToCalendar: 'カレンダーに追加',
  addToCalendarLabel: 'カレンダーに追加：{title}',
  downloadEvent: 'このイベント（.ics）',
  downloadSeries: 'すべての回（.ics）',
  googleCalendar: 'Google カレンダー',
  outlookCalendar: 'Outlook',
  subscribe: 'このカレンダーを購読',
  moreInfo: '詳細情報',
  untitled: '（無題のイベント）',
  eventsList: '今後のイベント',

  // <otel-discussion-card>
  regionAMER: '南北アメリカ',
  regionEMEA: 'ヨーロッパ・中東・アフリカ',
  regionAPAC: 'アジア太平洋',
  discussionGroup: 'ディスカッショングループ',
  region: '地域',
  format: '形式',
  formatLeanCoffee: 'リーンコーヒー（Lean Coffee）',
  leanCoffeeExplained: '最初に参加者全員でアジェンダを作り、話したいトピックに投票して、順番に数分ずつ話し合います。',
  learnMore: '詳しく見る',
  schedule: '日時',
  nextSessions: '今後のセッション',
  nextSession: '次回',
  noSessions: '今後予定されているセッションはありません。',
  communityLinks: 'コミュニティ',
  slack: 'Slack チャンネル',
  notes: '議事録',
  addSeries: 'すべてのセッションをカレンダーに追加',
  cadenceDaily: '毎日{time}',
  cadenceWeekdays: '毎週月曜日から金曜日の{time}',
  cadenceWeekly: '毎週{weekdays}の{time}',
  cadenceEveryNWeeks: '{n}週間ごとの{weekdays}の{time}',
  cadenceMonthlyNth: '毎月{ordinal}{weekday}の{time}',
  cadenceEveryNMonthsNth: '{n}か月ごとの{ordinal}{weekday}の{time}',
  cadenceMonthlyDay: '毎月{day}日の{time}',
  cadenceMonthlyLastDay: '毎月末日の{time}',
  cadenceYearly: '毎年{date}の{time}',
  ordinal1: '第1',
  ordinal2: '第2',
  ordinal3: '第3',
  ordinal4: '第4',
  ordinal5: '第5',
  'ordinal-1': '最終',
  'ordinal-2': '最後から2番目の',

  // <chatham-notice>
  chathamTitle: 'チャタムハウス・ルール',
  chathamRule:
    '会議の全体または一部がチャタムハウス・ルールのもとで開催される場合、参加者は得た情報を自由に利用できますが、発言者およびその他の参加者の身元や所属を明らかにしてはなりません。',
  chathamSource: 'チャタムハウス・ルールについて',
  chathamNoRecording: 'このセッションは録画されません。',
  chathamNoLeads: 'リード収集は行いません。ここで共有された連絡先を営業やマーケティングに使用することはできません。',
  recordedTitle: '録画されるセッション',
  recordedText:
    'このセッションは録画され、録画が公開される場合があります。公開されて差し支えない内容のみをお話しください。',
  dismiss: '閉じる',

  // otel-calendar list --format markdown
  agendaEmpty: '{from}から{to}までのイベントはありません。',
  agendaEmptyDay: '{date}のイベントはありません。',
  asOf: '{date} 時点。',
} satisfies Messages;

/** The Japanese catalog under its own name, for tests and for `registerMessages`. */
export const ja = messages;
