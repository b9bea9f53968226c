import type { Messages } from './en.js';

/**
 * Bengali messages (the polite "আপনি"; the sentence ends with the দাঁড়ি "।"). Every key of the
 * English catalog, with the same `{name}` placeholders (`satisfies Messages` makes a missing or
 * extra key a type error). Labels that extend a visible text start with that text (WCAG 2.5.3).
 *
 * Numbers are written in Bengali digits, as Intl writes the dates and times: a number in a
 * sentence goes through `{n, plural, …}` so that `#` is formatted for the locale (a bare `{n}`
 * would stay "2"). Bengali has two plural categories (one: 0 and 1; other), and a noun after a
 * number does not change (`#টি ইভেন্ট`), so both forms read the same.
 *
 * Monday to Friday is spelled out ("সোমবার থেকে শুক্রবার") rather than "কর্মদিবস", whose days
 * differ between Bangladesh and India.
 */
export const messages = {
  loading: 'ইভেন্ট লোড হচ্ছে…',
  loaded: '{count, plural, one {#টি আসন্ন ইভেন্ট লোড হয়েছে।} other {#টি আসন্ন ইভেন্ট লোড হয়েছে।}}',
  shown: '{count, plural, one {#টি ইভেন্ট দেখানো হচ্ছে।} other {#টি ইভেন্ট দেখানো হচ্ছে।}}',
  empty: 'আগামী {days, plural, one {# দিনে} other {# দিনে}} কোনো আসন্ন ইভেন্ট নেই।',
  emptyFiltered: 'আগামী {days, plural, one {# দিনে} other {# দিনে}} “{filter}”-এর সঙ্গে মেলে এমন কোনো আসন্ন ইভেন্ট নেই।',
  nextBeyond: 'পরবর্তী:',
  errorTitle: 'ক্যালেন্ডার লোড করা যায়নি',
  errorNetwork: 'ক্যালেন্ডারে পৌঁছানো যায়নি (নেটওয়ার্কে সমস্যা, অথবা সার্ভার এই সাইটকে ক্যালেন্ডারটি পড়ার অনুমতি দেয় না)।',
  errorOffline: 'মনে হচ্ছে আপনি অফলাইনে আছেন।',
  errorTimeout: 'ক্যালেন্ডার সাড়া দিতে অনেক বেশি সময় নিয়েছে।',
  errorHttp: 'ক্যালেন্ডার সার্ভার একটি ত্রুটি ফেরত দিয়েছে (HTTP {status})।',
  errorNotFound: 'ক্যালেন্ডারটি পাওয়া যায়নি (HTTP 404)।',
  errorRateLimited:
    '{minutes, plural, one {ক্যালেন্ডার সার্ভার এখন ব্যস্ত (HTTP {status})। # মিনিট পরে আবার চেষ্টা করুন।} other {ক্যালেন্ডার সার্ভার এখন ব্যস্ত (HTTP {status})। # মিনিট পরে আবার চেষ্টা করুন।}}',
  errorRateLimitedLater: 'ক্যালেন্ডার সার্ভার এখন ব্যস্ত (HTTP {status})। কিছুক্ষণ পরে আবার চেষ্টা করুন।',
  errorConnectionLost: 'ক্যালেন্ডার লোড হওয়ার সময় সংযোগ বিচ্ছিন্ন হয়েছে; অসম্পূর্ণ কিছু দেখানো হচ্ছে না।',
  errorForbidden: 'ক্যালেন্ডারে অ্যাক্সেস প্রত্যাখ্যান করা হয়েছে (HTTP {status})।',
  errorNotCalendar: 'এই ঠিকানাটি কোনো ক্যালেন্ডার নির্দেশ করে না।',
  errorTooLarge: 'ক্যালেন্ডারটি এখানে দেখানোর জন্য অনেক বড়।',
  errorNoSource: 'এই তালিকার জন্য কোনো ক্যালেন্ডার কনফিগার করা হয়নি।',
  partialError: 'একটি ক্যালেন্ডার লোড করা যায়নি: {message}',
  feedWarnings: '{count, plural, other {এই ক্যালেন্ডারে #টি সমস্যা আছে; যা পড়া গেছে তার সবই দেখানো হচ্ছে।}}',
  retry: 'আবার চেষ্টা করুন',
  openCalendar: 'ক্যালেন্ডার খুলুন',
  savedAgo: '{ago} সংরক্ষিত ইভেন্টগুলো দেখানো হচ্ছে।',
  staleAgo: '{ago} সংরক্ষিত ইভেন্টগুলো দেখানো হচ্ছে; ক্যালেন্ডার রিফ্রেশ করা যায়নি।',
  happeningNow: 'এখন চলছে',
  cancelled: 'বাতিল',
  allDay: 'সারাদিন',
  yourTime: 'আপনার সময়',
  join: 'যোগ দিন',
  joinLabel: 'যোগ দিন: {title}',
  details: 'বিস্তারিত',
  detailsLabel: 'বিস্তারিত: {title}',
  addToCalendar: 'ক্যালেন্ডারে যোগ করুন',
  addToCalendarLabel: 'ক্যালেন্ডারে যোগ করুন: {title}',
  downloadEvent: 'এই ইভেন্ট (.ics)',
  downloadSeries: 'সব সেশন (.ics)',
  googleCalendar: 'Google ক্যালেন্ডার',
  outlookCalendar: 'Outlook',
  subscribe: 'এই ক্যালেন্ডারে সাবস্ক্রাইব করুন',
  moreInfo: 'আরও তথ্য',
  untitled: '(শিরোনামহীন ইভেন্ট)',
  eventsList: 'আসন্ন ইভেন্ট',

  // <otel-discussion-card>
  regionAMER: 'আমেরিকা মহাদেশ',
  regionEMEA: 'ইউরোপ, মধ্যপ্রাচ্য ও আফ্রিকা',
  regionAPAC: 'এশিয়া-প্রশান্ত মহাসাগরীয় অঞ্চল',
  discussionGroup: 'আলোচনা গোষ্ঠী',
  region: 'অঞ্চল',
  format: 'ফরম্যাট',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'শুরুতে অংশগ্রহণকারীরা একসঙ্গে আলোচ্যসূচি ঠিক করেন, বিষয়গুলোতে ভোট দেন, তারপর ক্রমানুসারে প্রতিটি বিষয় নিয়ে কয়েক মিনিট করে আলোচনা করেন।',
  learnMore: 'আরও জানুন',
  schedule: 'কখন',
  nextSessions: 'পরবর্তী সেশনগুলো',
  nextSession: 'পরবর্তী সেশন',
  noSessions: 'কোনো আসন্ন সেশন নির্ধারিত নেই।',
  communityLinks: 'কমিউনিটি',
  slack: 'Slack চ্যানেল',
  notes: 'মিটিং নোট',
  addSeries: 'সব সেশন আপনার ক্যালেন্ডারে যোগ করুন',
  cadenceDaily: 'প্রতিদিন {time}',
  cadenceWeekdays: 'সোমবার থেকে শুক্রবার প্রতিদিন {time}',
  cadenceWeekly: 'প্রতি {weekdays} {time}',
  cadenceEveryNWeeks: 'প্রতি {n, plural, one {# সপ্তাহে} other {# সপ্তাহে}} {weekdays} {time}',
  cadenceMonthlyNth: 'প্রতি মাসের {ordinal} {weekday} {time}',
  cadenceEveryNMonthsNth: 'প্রতি {n, plural, one {# মাস} other {# মাস}} অন্তর মাসের {ordinal} {weekday} {time}',
  cadenceMonthlyDay: 'প্রতি মাসের {day} তারিখে {time}',
  cadenceMonthlyLastDay: 'প্রতি মাসের শেষ দিনে {time}',
  cadenceYearly: 'প্রতি বছর {date} {time}',
  ordinal1: 'প্রথম',
  ordinal2: 'দ্বিতীয়',
  ordinal3: 'তৃতীয়',
  ordinal4: 'চতুর্থ',
  ordinal5: 'পঞ্চম',
  'ordinal-1': 'শেষ',
  'ordinal-2': 'শেষের আগের',

  // <chatham-notice>
  chathamTitle: 'চ্যাথাম হাউস রুল',
  chathamRule:
    'যখন কোনো সভা বা তার কোনো অংশ চ্যাথাম হাউস রুলের অধীনে অনুষ্ঠিত হয়, তখন অংশগ্রহণকারীরা প্রাপ্ত তথ্য অবাধে ব্যবহার করতে পারেন, কিন্তু বক্তা বা বক্তাদের, কিংবা অন্য কোনো অংশগ্রহণকারীর পরিচয় বা প্রাতিষ্ঠানিক সংশ্লিষ্টতা প্রকাশ করা যাবে না।',
  chathamSource: 'চ্যাথাম হাউস রুল সম্পর্কে',
  chathamNoRecording: 'এই সেশনটি রেকর্ড করা হয় না।',
  chathamNoLeads: 'কোনো লিড সংগ্রহ নয়: এখানে শেয়ার করা যোগাযোগের তথ্য বিক্রয় বা মার্কেটিংয়ের কাজে ব্যবহার করা যাবে না।',
  recordedTitle: 'রেকর্ড করা সেশন',
  recordedText:
    'এই সেশনটি রেকর্ড করা হয় এবং রেকর্ডিং প্রকাশ করা হতে পারে। অনুগ্রহ করে শুধু সেসব কথাই বলুন, যা প্রকাশ্যে বলা যায়।',
  dismiss: 'বন্ধ করুন',

  // otel-calendar list --format markdown
  agendaEmpty: '{from} থেকে {to} পর্যন্ত কোনো ইভেন্ট নেই।',
  agendaEmptyDay: '{date} তারিখে কোনো ইভেন্ট নেই।',
  asOf: '{date} অনুযায়ী।',
} satisfies Messages;

/** The Bengali catalog under its own name, for tests and for `registerMessages`. */
export const bn = messages;
