import type { Messages } from './en.js';

/**
 * French messages ("vous" where a form of address is needed, as on opentelemetry.io/fr). Every key
 * of the English catalog, with the same `{name}` placeholders (`satisfies Messages` makes a missing
 * or extra key a type error). Labels that extend a visible text start with that text (WCAG 2.5.3).
 *
 * Typography: typographic apostrophe (’), « guillemets », and a narrow no-break space (U+202F,
 * written `\u202f`) before « : ; ! ? » and inside « », so that punctuation never starts a line.
 *
 * Plurals follow CLDR: 0 and 1 are `one` ("0 événement affiché"), `many` is for large round
 * numbers (1 000 000). Weekday names are masculine, so the `ordinal*` words need no agreement.
 * `cadenceMonthlyDay` gets `{day}` as a plain number and writes the first as "1er".
 */
export const messages = {
  loading: 'Chargement des événements…',
  loaded:
    '{count, plural, one {# événement à venir chargé.} many {# événements à venir chargés.} other {# événements à venir chargés.}}',
  shown: '{count, plural, one {# événement affiché.} many {# événements affichés.} other {# événements affichés.}}',
  empty:
    '{days, plural, =1 {Aucun événement à venir dans les prochaines 24 heures.} other {Aucun événement à venir dans les {days} prochains jours.}}',
  emptyFiltered:
    '{days, plural, =1 {Aucun événement à venir correspondant à «\u202f{filter}\u202f» dans les prochaines 24 heures.} other {Aucun événement à venir correspondant à «\u202f{filter}\u202f» dans les {days} prochains jours.}}',
  nextBeyond: 'Prochain\u202f:',
  errorTitle: 'Impossible de charger le calendrier',
  errorNetwork: 'Impossible d’accéder au calendrier (problème réseau, ou le serveur n’autorise pas ce site à le lire).',
  errorOffline: 'Vous semblez être hors ligne.',
  errorTimeout: 'Le calendrier a mis trop de temps à répondre.',
  errorHttp: 'Le serveur du calendrier a répondu par une erreur (HTTP {status}).',
  errorNotFound: 'Le calendrier est introuvable (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {Le serveur du calendrier est surchargé (HTTP {status}). Réessayez dans # minute.} many {Le serveur du calendrier est surchargé (HTTP {status}). Réessayez dans # minutes.} other {Le serveur du calendrier est surchargé (HTTP {status}). Réessayez dans # minutes.}}',
  errorRateLimitedLater: 'Le serveur du calendrier est surchargé (HTTP {status}). Réessayez plus tard.',
  errorConnectionLost:
    'La connexion a été coupée pendant le chargement du calendrier ; rien d’incomplet n’est affiché.',
  errorForbidden: 'L’accès au calendrier a été refusé (HTTP {status}).',
  errorNotCalendar: 'L’adresse ne mène pas à un calendrier.',
  errorTooLarge: 'Le calendrier est trop volumineux pour être affiché ici.',
  errorNoSource: 'Aucun calendrier n’est configuré pour cette liste.',
  partialError: 'L’un des calendriers n’a pas pu être chargé\u202f: {message}',
  feedWarnings:
    '{count, plural, one {Ce calendrier comporte # problème\u202f; tout ce qui a pu être lu est affiché.} other {Ce calendrier comporte # problèmes\u202f; tout ce qui a pu être lu est affiché.}}',
  retry: 'Réessayer',
  openCalendar: 'Ouvrir le calendrier',
  savedAgo: 'Affichage des événements enregistrés {ago}.',
  staleAgo: 'Affichage des événements enregistrés {ago}\u202f; le calendrier n’a pas pu être actualisé.',
  happeningNow: 'En cours',
  cancelled: 'Annulé',
  allDay: 'Toute la journée',
  yourTime: 'votre heure',
  join: 'Rejoindre',
  joinLabel: 'Rejoindre\u202f: {title}',
  details: 'Détails',
  detailsLabel: 'Détails\u202f: {title}',
  addToCalendar: 'Ajouter au calendrier',
  addToCalendarLabel: 'Ajouter au calendrier\u202f: {title}',
  downloadEvent: 'Cet événement (.ics)',
  downloadSeries: 'Toutes les sessions (.ics)',
  // Google's own French name for the product.
  googleCalendar: 'Google Agenda',
  outlookCalendar: 'Outlook',
  subscribe: 'S’abonner à ce calendrier',
  moreInfo: 'Plus d’informations',
  untitled: '(événement sans titre)',
  eventsList: 'Événements à venir',

  // <otel-discussion-card>
  regionAMER: 'Amériques',
  regionEMEA: 'Europe, Moyen-Orient et Afrique',
  regionAPAC: 'Asie-Pacifique',
  discussionGroup: 'Groupe de discussion',
  region: 'Région',
  format: 'Format',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'Au début, les participants établissent ensemble l’ordre du jour, votent pour les sujets, puis les abordent dans l’ordre, quelques minutes chacun.',
  learnMore: 'En savoir plus',
  schedule: 'Quand',
  nextSessions: 'Prochaines sessions',
  nextSession: 'Prochaine session',
  noSessions: 'Aucune session à venir n’est prévue.',
  communityLinks: 'Communauté',
  slack: 'Canal Slack',
  notes: 'Notes de réunion',
  addSeries: 'Ajouter toutes les sessions à votre calendrier',
  cadenceDaily: 'tous les jours à {time}',
  cadenceWeekdays: 'du lundi au vendredi à {time}',
  cadenceWeekly: 'chaque {weekdays} à {time}',
  cadenceEveryNWeeks: 'toutes les {n} semaines, le {weekdays} à {time}',
  cadenceMonthlyNth: 'chaque {ordinal} {weekday} du mois à {time}',
  cadenceEveryNMonthsNth: 'tous les {n} mois, le {ordinal} {weekday} du mois à {time}',
  // "le 1er", "le 2", "le 21": only the first day of the month is written as an ordinal.
  cadenceMonthlyDay: '{day, select, 1 {le 1er} other {le {day}}} de chaque mois à {time}',
  cadenceMonthlyLastDay: 'le dernier jour de chaque mois à {time}',
  cadenceYearly: 'chaque année le {date} à {time}',
  ordinal1: 'premier',
  ordinal2: 'deuxième',
  ordinal3: 'troisième',
  ordinal4: 'quatrième',
  ordinal5: 'cinquième',
  'ordinal-1': 'dernier',
  'ordinal-2': 'avant-dernier',

  // <chatham-notice>
  chathamTitle: 'Règle de Chatham House',
  // The established French wording of the Rule.
  chathamRule:
    'Lorsqu’une réunion, ou une partie d’une réunion, se tient sous la règle de Chatham House, les participants sont libres d’utiliser les informations collectées à cette occasion, mais ils ne doivent révéler ni l’identité ni l’affiliation des personnes à l’origine de ces informations, de même qu’ils ne doivent pas révéler l’identité des autres participants.',
  chathamSource: 'À propos de la règle de Chatham House',
  chathamNoRecording: 'Cette session n’est pas enregistrée.',
  chathamNoLeads:
    'Pas de collecte de contacts\u202f: les coordonnées partagées ici ne peuvent pas être utilisées à des fins commerciales ou marketing.',
  recordedTitle: 'Session enregistrée',
  recordedText:
    'Cette session est enregistrée et l’enregistrement peut être publié. Merci de ne rien dire qui ne puisse être rendu public.',
  dismiss: 'Fermer',

  // otel-calendar list --format markdown
  agendaEmpty: 'Aucun événement du {from} au {to}.',
  agendaEmptyDay: 'Aucun événement le {date}.',
  asOf: 'À jour au {date}.',
} satisfies Messages;

/** The French catalog under its own name, for tests and for `registerMessages`. */
export const fr = messages;
