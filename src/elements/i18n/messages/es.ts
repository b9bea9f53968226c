import type { Messages } from './en.js';

/**
 * Spanish messages (neutral Spanish, informal "tú" where a form of address is needed). Every key of
 * the English catalog, with the same `{name}` placeholders (`satisfies Messages` makes a missing or
 * extra key a type error). Labels that extend a visible text start with that text (WCAG 2.5.3).
 *
 * The `ordinal*` words are the forms used before a masculine noun (weekday names are masculine):
 * "primer", "tercer". `cadence*` sentences say "a las {time}"; `describeCadence` turns that into
 * "a la {time}" for one o'clock.
 */
export const messages = {
  loading: 'Cargando eventos…',
  loaded: '{count, plural, one {# próximo evento cargado.} other {# próximos eventos cargados.}}',
  shown: '{count, plural, one {Se muestra # evento.} other {Se muestran # eventos.}}',
  empty: 'No hay eventos en los próximos {days} días.',
  emptyFiltered: 'No hay eventos que coincidan con «{filter}» en los próximos {days} días.',
  nextBeyond: 'Próximo:',
  errorTitle: 'No se pudo cargar el calendario',
  errorNetwork: 'No se pudo acceder al calendario (problema de red, o el servidor no permite que este sitio lo lea).',
  errorOffline: 'Parece que no hay conexión a internet.',
  errorTimeout: 'El calendario tardó demasiado en responder.',
  errorHttp: 'El servidor del calendario respondió con un error (HTTP {status}).',
  errorNotFound: 'No se encontró el calendario (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {El servidor del calendario está ocupado (HTTP {status}). Inténtalo de nuevo dentro de # minuto.} many {El servidor del calendario está ocupado (HTTP {status}). Inténtalo de nuevo dentro de # minutos.} other {El servidor del calendario está ocupado (HTTP {status}). Inténtalo de nuevo dentro de # minutos.}}',
  errorRateLimitedLater: 'El servidor del calendario está ocupado (HTTP {status}). Inténtalo de nuevo más tarde.',
  errorConnectionLost: 'La conexión se interrumpió mientras se cargaba el calendario; no se muestra nada incompleto.',
  errorForbidden: 'Se denegó el acceso al calendario (HTTP {status}).',
  errorNotCalendar: 'La dirección no apunta a un calendario.',
  errorTooLarge: 'El calendario es demasiado grande para mostrarlo aquí.',
  errorNoSource: 'No hay ningún calendario configurado para esta lista.',
  partialError: 'No se pudo cargar uno de los calendarios: {message}',
  feedWarnings:
    '{count, plural, one {Este calendario tiene # problema; se muestra todo lo que se pudo leer.} other {Este calendario tiene # problemas; se muestra todo lo que se pudo leer.}}',
  retry: 'Reintentar',
  openCalendar: 'Abrir el calendario',
  savedAgo: 'Se muestran los eventos guardados {ago}.',
  staleAgo: 'Se muestran los eventos guardados {ago}; no se pudo actualizar el calendario.',
  happeningNow: 'En curso',
  cancelled: 'Cancelado',
  allDay: 'Todo el día',
  yourTime: 'tu hora',
  join: 'Unirse',
  joinLabel: 'Unirse: {title}',
  details: 'Detalles',
  detailsLabel: 'Detalles: {title}',
  addToCalendar: 'Añadir al calendario',
  addToCalendarLabel: 'Añadir al calendario: {title}',
  downloadEvent: 'Este evento (.ics)',
  downloadSeries: 'Todas las sesiones (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook',
  subscribe: 'Suscribirse a este calendario',
  moreInfo: 'Más información',
  untitled: '(evento sin título)',
  eventsList: 'Próximos eventos',

  // <otel-discussion-card>
  regionAMER: 'América',
  regionEMEA: 'Europa, Oriente Medio y África',
  regionAPAC: 'Asia-Pacífico',
  discussionGroup: 'Grupo de debate',
  region: 'Región',
  format: 'Formato',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'Al empezar, los participantes fijan juntos la agenda, votan los temas y los tratan por orden, unos minutos cada uno.',
  learnMore: 'Saber más',
  schedule: 'Cuándo',
  nextSessions: 'Próximas sesiones',
  nextSession: 'Próxima sesión',
  noSessions: 'No hay próximas sesiones programadas.',
  communityLinks: 'Comunidad',
  slack: 'Canal de Slack',
  notes: 'Notas de la reunión',
  addSeries: 'Añadir todas las sesiones a tu calendario',
  cadenceDaily: 'todos los días a las {time}',
  cadenceWeekdays: 'de lunes a viernes a las {time}',
  cadenceWeekly: 'cada {weekdays} a las {time}',
  // Singular "el martes": the plural of "sábado"/"domingo" would need its own word forms.
  cadenceEveryNWeeks: 'cada {n} semanas, el {weekdays} a las {time}',
  cadenceMonthlyNth: 'cada {ordinal} {weekday} del mes a las {time}',
  cadenceEveryNMonthsNth: 'cada {n} meses, el {ordinal} {weekday} del mes a las {time}',
  cadenceMonthlyDay: 'el día {day} de cada mes a las {time}',
  cadenceMonthlyLastDay: 'el último día de cada mes a las {time}',
  cadenceYearly: 'cada año el {date} a las {time}',
  ordinal1: 'primer',
  ordinal2: 'segundo',
  ordinal3: 'tercer',
  ordinal4: 'cuarto',
  ordinal5: 'quinto',
  'ordinal-1': 'último',
  'ordinal-2': 'penúltimo',

  // <chatham-notice>
  chathamTitle: 'Regla de Chatham House',
  chathamRule:
    'Cuando una reunión, o parte de ella, se desarrolla bajo la Regla de Chatham House, los participantes son libres de usar la información recibida, pero no se puede revelar ni la identidad ni la afiliación de los oradores, ni de ningún otro participante.',
  chathamSource: 'Acerca de la Regla de Chatham House',
  chathamNoRecording: 'Esta sesión no se graba.',
  chathamNoLeads:
    'Sin captación de contactos: los datos de contacto compartidos aquí no pueden usarse con fines comerciales ni de marketing.',
  recordedTitle: 'Sesión grabada',
  recordedText:
    'Esta sesión se graba y la grabación puede publicarse. Por favor, comparte solo lo que pueda hacerse público.',
  dismiss: 'Cerrar',

  // otel-calendar list --format markdown
  agendaEmpty: 'No hay eventos del {from} al {to}.',
  agendaEmptyDay: 'No hay eventos el {date}.',
  asOf: 'Actualizado el {date}.',
} satisfies Messages;

/** The Spanish catalog under its own name, for tests and for `registerMessages`. */
export const es = messages;
