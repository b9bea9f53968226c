import type { Messages } from './en.js';

/**
 * Portuguese messages, in Brazilian usage ("você"; as opentelemetry.io/pt, which is pt-BR). `pt`
 * is the fallback of every Portuguese locale (`pt-BR`, `pt-PT` → `pt`); a `pt-pt.ts` can override
 * the words that differ in Portugal. Every key of the English catalog, with the same `{name}`
 * placeholders (`satisfies Messages` makes a missing or extra key a type error). Labels that
 * extend a visible text start with that text (WCAG 2.5.3).
 *
 * Gender: segunda-feira … sexta-feira are feminine, sábado and domingo masculine. The `ordinal*`
 * words and the cadence sentences choose their form with `{wd, select, sa {…} su {…} other {…}}`
 * ("toda terceira terça-feira", "todo primeiro sábado", "na/no"). Where `wd` is not given (the
 * weekly sentences today), `other` — the feminine, weekday form — is used.
 *
 * Plurals: CLDR puts 0 and 1 in `one` for Brazilian Portuguese; zero reads "Nenhum…" instead
 * (`=0`), which is what a Brazilian interface says.
 */
export const messages = {
  loading: 'Carregando eventos…',
  loaded:
    '{count, plural, =0 {Nenhum próximo evento carregado.} one {# próximo evento carregado.} many {# próximos eventos carregados.} other {# próximos eventos carregados.}}',
  shown:
    '{count, plural, =0 {Nenhum evento exibido.} one {# evento exibido.} many {# eventos exibidos.} other {# eventos exibidos.}}',
  empty: '{days, plural, =1 {Nenhum evento nas próximas 24 horas.} other {Nenhum evento nos próximos {days} dias.}}',
  emptyFiltered:
    '{days, plural, =1 {Nenhum evento correspondente a “{filter}” nas próximas 24 horas.} other {Nenhum evento correspondente a “{filter}” nos próximos {days} dias.}}',
  nextBeyond: 'Próximo:',
  errorTitle: 'Não foi possível carregar o calendário',
  errorNetwork:
    'Não foi possível acessar o calendário (problema de rede, ou o servidor não permite que este site o leia).',
  errorOffline: 'Parece que você está sem conexão.',
  errorTimeout: 'O calendário demorou demais para responder.',
  errorHttp: 'O servidor do calendário respondeu com um erro (HTTP {status}).',
  errorNotFound: 'O calendário não foi encontrado (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {O servidor do calendário está ocupado (HTTP {status}). Tente novamente em # minuto.} many {O servidor do calendário está ocupado (HTTP {status}). Tente novamente em # minutos.} other {O servidor do calendário está ocupado (HTTP {status}). Tente novamente em # minutos.}}',
  errorRateLimitedLater: 'O servidor do calendário está ocupado (HTTP {status}). Tente novamente mais tarde.',
  errorConnectionLost: 'A conexão caiu enquanto o calendário carregava; nada incompleto é mostrado.',
  errorForbidden: 'O acesso ao calendário foi negado (HTTP {status}).',
  errorNotCalendar: 'O endereço não aponta para um calendário.',
  errorTooLarge: 'O calendário é grande demais para ser exibido aqui.',
  errorNoSource: 'Nenhum calendário está configurado para esta lista.',
  partialError: 'Não foi possível carregar um dos calendários: {message}',
  feedWarnings:
    '{count, plural, one {Este calendário tem # problema; é mostrado tudo o que foi possível ler.} other {Este calendário tem # problemas; é mostrado tudo o que foi possível ler.}}',
  retry: 'Tentar novamente',
  openCalendar: 'Abrir o calendário',
  savedAgo: 'Exibindo eventos salvos {ago}.',
  staleAgo: 'Exibindo eventos salvos {ago}; não foi possível atualizar o calendário.',
  happeningNow: 'Acontecendo agora',
  cancelled: 'Cancelado',
  allDay: 'Dia inteiro',
  yourTime: 'seu horário',
  join: 'Participar',
  joinLabel: 'Participar: {title}',
  details: 'Detalhes',
  detailsLabel: 'Detalhes: {title}',
  addToCalendar: 'Adicionar ao calendário',
  addToCalendarLabel: 'Adicionar ao calendário: {title}',
  downloadEvent: 'Este evento (.ics)',
  downloadSeries: 'Todas as sessões (.ics)',
  // Google's own Portuguese name for the product.
  googleCalendar: 'Google Agenda',
  outlookCalendar: 'Outlook',
  subscribe: 'Assinar este calendário',
  moreInfo: 'Mais informações',
  untitled: '(evento sem título)',
  eventsList: 'Próximos eventos',

  // <otel-discussion-card>
  regionAMER: 'Américas',
  regionEMEA: 'Europa, Oriente Médio e África',
  regionAPAC: 'Ásia-Pacífico',
  discussionGroup: 'Grupo de discussão',
  region: 'Região',
  format: 'Formato',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'No início, os participantes montam a pauta juntos, votam nos temas e os discutem em ordem, alguns minutos cada.',
  learnMore: 'Saiba mais',
  schedule: 'Quando',
  nextSessions: 'Próximas sessões',
  nextSession: 'Próxima sessão',
  noSessions: 'Não há próximas sessões agendadas.',
  communityLinks: 'Comunidade',
  slack: 'Canal no Slack',
  notes: 'Notas da reunião',
  addSeries: 'Adicionar todas as sessões ao seu calendário',
  cadenceDaily: 'todos os dias às {time}',
  cadenceWeekdays: 'de segunda a sexta-feira às {time}',
  // "toda terça-feira e quinta-feira", "todo sábado e domingo": agrees with the first weekday.
  cadenceWeekly: '{wd, select, sa {todo} su {todo} other {toda}} {weekdays} às {time}',
  cadenceEveryNWeeks: 'a cada {n} semanas, {wd, select, sa {no} su {no} other {na}} {weekdays} às {time}',
  cadenceMonthlyNth: '{wd, select, sa {todo} su {todo} other {toda}} {ordinal} {weekday} do mês às {time}',
  cadenceEveryNMonthsNth:
    'a cada {n} meses, {wd, select, sa {no} su {no} other {na}} {ordinal} {weekday} do mês às {time}',
  // "todo dia 1º", "todo dia 21": the first day of the month is written as an ordinal.
  cadenceMonthlyDay: '{day, select, 1 {todo dia 1º} other {todo dia {day}}} do mês às {time}',
  cadenceMonthlyLastDay: 'no último dia de cada mês às {time}',
  cadenceYearly: 'todo ano em {date} às {time}',
  ordinal1: '{wd, select, sa {primeiro} su {primeiro} other {primeira}}',
  ordinal2: '{wd, select, sa {segundo} su {segundo} other {segunda}}',
  ordinal3: '{wd, select, sa {terceiro} su {terceiro} other {terceira}}',
  ordinal4: '{wd, select, sa {quarto} su {quarto} other {quarta}}',
  ordinal5: '{wd, select, sa {quinto} su {quinto} other {quinta}}',
  'ordinal-1': '{wd, select, sa {último} su {último} other {última}}',
  'ordinal-2': '{wd, select, sa {penúltimo} su {penúltimo} other {penúltima}}',

  // <chatham-notice>
  chathamTitle: 'Regra de Chatham House',
  // The established Portuguese wording of the Rule.
  chathamRule:
    'Quando uma reunião, ou parte dela, é realizada sob a Regra de Chatham House, os participantes são livres para usar as informações recebidas, mas nem a identidade nem a afiliação do(s) orador(es), nem a de qualquer outro participante, podem ser reveladas.',
  chathamSource: 'Sobre a Regra de Chatham House',
  chathamNoRecording: 'Esta sessão não é gravada.',
  chathamNoLeads:
    'Sem coleta de contatos: os dados de contato compartilhados aqui não podem ser usados para fins comerciais ou de marketing.',
  recordedTitle: 'Sessão gravada',
  recordedText: 'Esta sessão é gravada e a gravação pode ser publicada. Fale apenas o que puder se tornar público.',
  dismiss: 'Fechar',

  // otel-calendar list --format markdown
  agendaEmpty: 'Nenhum evento de {from} a {to}.',
  agendaEmptyDay: 'Nenhum evento em {date}.',
  asOf: 'Atualizado em {date}.',
} satisfies Messages;

/** The Portuguese catalog under its own name, for tests and for `registerMessages`. */
export const pt = messages;
