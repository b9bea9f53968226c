import type { Messages } from './en.js';

/**
 * Romanian messages (the polite plural, "încercați", where a form of address is needed, as
 * Romanian interfaces usually have it). Every key of the English catalog, with the same `{name}`
 * placeholders (`satisfies Messages` makes a missing or extra key a type error). Labels that
 * extend a visible text start with that text (WCAG 2.5.3).
 *
 * Spelling: ș and ț with a comma below (U+0219, U+021B), as Intl writes "marți", never the
 * cedilla forms ş and ţ; quotation marks „…”.
 *
 * Plurals follow CLDR: `one` is 1; `few` is 0, 2–19 and 101–119 (any number whose last two digits
 * are 1–19, except 1 itself); `other` is 20–100, 120… and takes "de" before the noun: "2 evenimente",
 * "20 de evenimente", "101 evenimente".
 *
 * Every weekday is feminine ("marți", "duminică"), so the `ordinal*` words are the feminine forms
 * ("a treia", "prima") without agreement. One `select` on `wd` remains: "luni" is both Monday and
 * "months", so the monthly sentences say "zi de luni" ("în prima zi de luni a fiecărei luni")
 * where a bare "luni" would read as "months". `cadenceMonthlyDay` gets `{day}` as a plain number
 * ("în data de 21").
 */
export const messages = {
  loading: 'Se încarcă evenimentele…',
  loaded:
    '{count, plural, one {# eveniment viitor încărcat.} few {# evenimente viitoare încărcate.} other {# de evenimente viitoare încărcate.}}',
  shown: '{count, plural, one {# eveniment afișat.} few {# evenimente afișate.} other {# de evenimente afișate.}}',
  empty:
    'Nu sunt evenimente programate în {days, plural, =1 {următoarele 24 de ore} one {următoarea # zi} few {următoarele # zile} other {următoarele # de zile}}.',
  emptyFiltered:
    'Nu sunt evenimente care să corespundă căutării „{filter}” în {days, plural, =1 {următoarele 24 de ore} one {următoarea # zi} few {următoarele # zile} other {următoarele # de zile}}.',
  nextBeyond: 'Următorul eveniment:',
  errorTitle: 'Calendarul nu a putut fi încărcat',
  errorNetwork:
    'Calendarul nu a putut fi accesat (o problemă de rețea sau serverul nu permite acestui site să îl citească).',
  errorOffline: 'Se pare că nu sunteți conectat la internet.',
  errorTimeout: 'Calendarul nu a răspuns la timp.',
  errorHttp: 'Serverul calendarului a răspuns cu o eroare (HTTP {status}).',
  errorNotFound: 'Calendarul nu a fost găsit (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {Serverul calendarului este ocupat (HTTP {status}). Încercați din nou peste # minut.} few {Serverul calendarului este ocupat (HTTP {status}). Încercați din nou peste # minute.} other {Serverul calendarului este ocupat (HTTP {status}). Încercați din nou peste # de minute.}}',
  errorRateLimitedLater: 'Serverul calendarului este ocupat (HTTP {status}). Încercați din nou mai târziu.',
  errorConnectionLost: 'Conexiunea s-a întrerupt în timpul încărcării calendarului; nu se afișează date incomplete.',
  errorForbidden: 'Accesul la calendar a fost refuzat (HTTP {status}).',
  errorNotCalendar: 'Adresa nu duce la un calendar.',
  errorTooLarge: 'Calendarul este prea mare pentru a fi afișat aici.',
  errorNoSource: 'Nu este configurat niciun calendar pentru această listă.',
  partialError: 'Unul dintre calendare nu a putut fi încărcat: {message}',
  feedWarnings:
    '{count, plural, one {Acest calendar are # problemă; se afișează tot ce a putut fi citit.} few {Acest calendar are # probleme; se afișează tot ce a putut fi citit.} other {Acest calendar are # de probleme; se afișează tot ce a putut fi citit.}}',
  retry: 'Reîncercați',
  openCalendar: 'Deschideți calendarul',
  // `ago` is Intl's "acum 3 ore".
  savedAgo: 'Se afișează evenimentele salvate {ago}.',
  staleAgo: 'Se afișează evenimentele salvate {ago}; calendarul nu a putut fi actualizat.',
  happeningNow: 'În desfășurare',
  cancelled: 'Anulat',
  allDay: 'Toată ziua',
  yourTime: 'ora dumneavoastră',
  join: 'Participați',
  joinLabel: 'Participați: {title}',
  details: 'Detalii',
  detailsLabel: 'Detalii: {title}',
  addToCalendar: 'Adăugați în calendar',
  addToCalendarLabel: 'Adăugați în calendar: {title}',
  downloadEvent: 'Acest eveniment (.ics)',
  downloadSeries: 'Toate sesiunile (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook',
  subscribe: 'Abonați-vă la acest calendar',
  moreInfo: 'Mai multe informații',
  untitled: '(eveniment fără titlu)',
  eventsList: 'Evenimente viitoare',

  // <otel-discussion-card>
  regionAMER: 'America de Nord și America de Sud',
  regionEMEA: 'Europa, Orientul Mijlociu și Africa',
  regionAPAC: 'Asia-Pacific',
  discussionGroup: 'Grup de discuții',
  region: 'Regiune',
  format: 'Format',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'La început, participanții stabilesc împreună agenda, votează subiectele și le discută pe rând, câteva minute fiecare.',
  learnMore: 'Aflați mai multe',
  schedule: 'Când',
  nextSessions: 'Următoarele sesiuni',
  nextSession: 'Următoarea sesiune',
  noSessions: 'Nu este programată nicio sesiune.',
  communityLinks: 'Comunitate',
  slack: 'Canalul de Slack',
  notes: 'Notițele întâlnirii',
  addSeries: 'Adăugați toate sesiunile în calendarul dumneavoastră',
  cadenceDaily: 'în fiecare zi, la ora {time}',
  cadenceWeekdays: 'de luni până vineri, la ora {time}',
  cadenceWeekly: 'în fiecare {weekdays}, la ora {time}',
  cadenceEveryNWeeks:
    'o dată la {n, plural, one {# săptămână} few {# săptămâni} other {# de săptămâni}}, {weekdays}, la ora {time}',
  cadenceMonthlyNth: 'în {ordinal} {wd, select, mo {zi de luni} other {{weekday}}} a fiecărei luni, la ora {time}',
  cadenceEveryNMonthsNth:
    'o dată la {n, plural, one {# lună} few {# luni} other {# de luni}}, în {ordinal} {wd, select, mo {zi de luni} other {{weekday}}} a lunii, la ora {time}',
  cadenceMonthlyDay: 'în data de {day} a fiecărei luni, la ora {time}',
  cadenceMonthlyLastDay: 'în ultima zi a fiecărei luni, la ora {time}',
  cadenceYearly: 'în fiecare an, pe {date}, la ora {time}',
  ordinal1: 'prima',
  ordinal2: 'a doua',
  ordinal3: 'a treia',
  ordinal4: 'a patra',
  ordinal5: 'a cincea',
  'ordinal-1': 'ultima',
  'ordinal-2': 'penultima',

  // <chatham-notice>
  chathamTitle: 'Regula Chatham House',
  chathamRule:
    'Atunci când o reuniune sau o parte a acesteia se desfășoară sub Regula Chatham House, participanții sunt liberi să folosească informațiile primite, dar nu pot dezvălui nici identitatea, nici afilierea vorbitorului (vorbitorilor) sau a oricărui alt participant.',
  chathamSource: 'Despre Regula Chatham House',
  chathamNoRecording: 'Această sesiune nu este înregistrată.',
  chathamNoLeads:
    'Fără colectare de contacte: datele de contact împărtășite aici nu pot fi folosite în scopuri de vânzări sau de marketing.',
  recordedTitle: 'Sesiune înregistrată',
  recordedText:
    'Această sesiune este înregistrată, iar înregistrarea poate fi publicată. Vă rugăm să spuneți doar ceea ce poate fi făcut public.',
  dismiss: 'Închideți',

  // otel-calendar list --format markdown
  agendaEmpty: 'Nu sunt evenimente între {from} și {to}.',
  agendaEmptyDay: 'Nu sunt evenimente pe {date}.',
  asOf: 'Actualizat la {date}.',
} satisfies Messages;

/** The Romanian catalog under its own name, for tests and for `registerMessages`. */
export const ro = messages;
