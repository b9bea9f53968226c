import { expect } from '@open-wc/testing';
import { findJoinUrl, meetingUrlsIn, parseCalendar } from '../../../src/calendar/index.js';

function eventWith(lines: string): Parameters<typeof findJoinUrl>[0] {
  const cal = parseCalendar(
    `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261124T100000Z\r\n${lines}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
  );
  const event = cal.events[0];
  if (!event) throw new Error('no event');
  return event;
}

describe('join links', () => {
  it('finds Zoom, Meet, Teams, Jitsi and Webex links', () => {
    expect(meetingUrlsIn('Join https://us02web.zoom.us/j/123456?pwd=abc.')).to.deep.equal([
      'https://us02web.zoom.us/j/123456?pwd=abc',
    ]);
    expect(meetingUrlsIn('https://meet.google.com/abc-defg-hij')).to.have.length(1);
    expect(meetingUrlsIn('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x')).to.have.length(1);
    expect(meetingUrlsIn('https://meet.jit.si/OpenTelemetry')).to.have.length(1);
    expect(meetingUrlsIn('https://cncf.webex.com/meet/x')).to.have.length(1);
    expect(meetingUrlsIn('https://zoom.us/download and https://example.com/j/1')).to.deep.equal([]);
  });

  it('prefers conference data, then LOCATION, URL, DESCRIPTION (HTML too)', () => {
    expect(
      findJoinUrl(
        eventWith('X-GOOGLE-CONFERENCE:https://meet.google.com/aaa-bbbb-ccc\r\nLOCATION:https://zoom.us/j/1'),
      ),
    ).to.equal('https://meet.google.com/aaa-bbbb-ccc');
    expect(findJoinUrl(eventWith('LOCATION:https://zoom.us/j/1\r\nDESCRIPTION:https://meet.jit.si/x'))).to.equal(
      'https://zoom.us/j/1',
    );
    expect(
      findJoinUrl(eventWith('DESCRIPTION:<p>Join: <a href="https://zoom.us/j/99?pwd=x&amp;a=1">Zoom</a></p>')),
    ).to.equal('https://zoom.us/j/99?pwd=x&a=1');
    expect(findJoinUrl(eventWith('DESCRIPTION:javascript:alert(1) meet.google.com/abc'))).to.equal(undefined);
  });
});
