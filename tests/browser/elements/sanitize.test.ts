import { expect } from '@open-wc/testing';
import {
  descriptionToText,
  isSafeUrl,
  sanitizeDescription,
  stripBidiControls,
} from '../../../src/elements/ui/sanitize.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

const ALLOWED_TAGS = new Set([
  'a',
  'p',
  'br',
  'em',
  'i',
  'strong',
  'b',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'span',
  'div',
]);
const LINK_ATTRIBUTES = ['href', 'rel', 'target', 'part'];

/** The sanitized fragment in a detached <div>, and its serialization (for comparisons only). */
function sanitized(input: string): { root: HTMLDivElement; html: string } {
  const root = document.createElement('div');
  root.appendChild(sanitizeDescription(input));
  return { root, html: root.innerHTML };
}

/** Every element allow-listed, only <a> with attributes, and those only href/rel/target/part. */
function expectSafe(root: Element, input: string): void {
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    expect(ALLOWED_TAGS.has(tag), `<${tag}> from ${input}`).to.equal(true);
    expect(el.namespaceURI).to.equal('http://www.w3.org/1999/xhtml');
    if (tag !== 'a') {
      expect(el.getAttributeNames(), `attributes of <${tag}> from ${input}`).to.deep.equal([]);
      continue;
    }
    expect(el.getAttributeNames(), `attributes of <a> from ${input}`).to.deep.equal(LINK_ATTRIBUTES);
    const href = el.getAttribute('href') ?? '';
    expect(['http:', 'https:', 'mailto:'], `href ${href} from ${input}`).to.include(new URL(href).protocol);
    expect(el.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(el.getAttribute('target')).to.equal('_blank');
    expect(el.getAttribute('part')).to.equal('link');
  }
}

const tick = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const GOOGLE =
  'Join: <a href="https://zoom.us/j/1">https://zoom.us/j/1</a><br><b>Agenda</b><ul><li>x</li><li>y</li></ul>';
const LINK_ATTRS = 'rel="noopener noreferrer" target="_blank" part="link"';

describe('sanitizeDescription', () => {
  it('keeps the links, bold text and lists of Google-style HTML', () => {
    const { root, html } = sanitized(GOOGLE);
    expect(html).to.equal(
      `Join: <a href="https://zoom.us/j/1" ${LINK_ATTRS}>https://zoom.us/j/1</a><br><b>Agenda</b><ul><li>x</li><li>y</li></ul>`,
    );
    expectSafe(root, GOOGLE);
  });

  it('decodes entities in text and in hrefs', () => {
    const { root } = sanitized(
      '<p>Q&amp;A &ndash; &#x1F600; &#8217;s &unknown; &#150;</p><a href="https://zoom.us/j/9?pwd=x&amp;a=1">Zoom</a>',
    );
    expect(root.querySelector('p')?.textContent).to.equal('Q&A \u2013 \u{1F600} \u2019s &unknown; \u2013');
    expect(root.querySelector('a')?.getAttribute('href')).to.equal('https://zoom.us/j/9?pwd=x&a=1');
  });

  it('keeps the allowed elements, never their attributes', () => {
    const input =
      '<p class="c" id="i" style="color:red" dir="rtl">p</p><em>e</em><i>i</i><strong>s</strong><u>u</u><s>s</s>' +
      '<ol><li>o</li></ol><blockquote cite="https://x.example">q</blockquote><code>c</code><pre>  p\n re</pre>' +
      '<span title="t">sp</span><div data-x="1">d</div>';
    const { root, html } = sanitized(input);
    expect(html).to.equal(
      '<p>p</p><em>e</em><i>i</i><strong>s</strong><u>u</u><s>s</s><ol><li>o</li></ol><blockquote>q</blockquote>' +
        '<code>c</code><pre>  p\n re</pre><span>sp</span><div>d</div>',
    );
    expectSafe(root, input);
  });

  it('drops other tags but keeps their text; block ones become <div>s', () => {
    const { root, html } = sanitized(
      '<font color=red>red</font> <h1>Title</h1><table><tr><td>a</td><td>b</td></tr></table>x<hr>y<img alt="pic" src="x.png">',
    );
    expect(html).to.equal('red <div>Title</div><div><div> a b</div></div>x<br>y');
    expectSafe(root, html);
  });

  it('drops script, style, template, iframe, object, noscript, textarea, title, head, svg, math, select and forms with their content', () => {
    const input =
      'a<script>s1</script>b<style>s2</style>c<template>s3</template>d<iframe>s4</iframe>e<object>s5</object>' +
      'f<noscript>s6</noscript>g<textarea>s7</textarea>h<title>s8</title>i<head>s9</head>j<svg><text>s10</text></svg>' +
      'k<math><mi>s11</mi></math>l<select><option>s12</option></select>m<form><label>s13</label><button>s14</button></form>n' +
      '<embed src="x">o<svg/>p<svg><svg>s15</svg>s16</svg>q';
    expect(sanitized(input).root.textContent).to.equal('abcdefghijklmnopq');
  });

  it('reads raw-text elements like a browser: markup inside them is their content', () => {
    expect(sanitized('<script>document.write("</p><b>x</b>")</script>ok').root.textContent).to.equal('ok');
    expect(sanitized('<style><!-- </style><b>bold</b>').html).to.equal('<b>bold</b>');
    expect(sanitized('<textarea><b>x</b></textarea >after').html).to.equal('after');
    expect(sanitized('<script>never closed <b>x</b>').html).to.equal('');
  });

  it('links only http(s) and mailto; a rejected link keeps its text', () => {
    const { root, html } = sanitized(
      '<a href="javascript:alert(1)">one</a> <a href="mailto:team@example.org">two</a> <a>three</a> <a href="/relative">four</a>',
    );
    expect(html).to.equal(`one <a href="mailto:team@example.org" ${LINK_ATTRS}>two</a> three four`);
    expectSafe(root, html);
  });

  it('turns plain-text newlines into <br> and links bare URLs without trailing punctuation', () => {
    const input =
      'Line 1\nLine 2\r\nSee https://example.com/a?b=1&c=2. Or (https://en.wikipedia.org/wiki/Foo_(bar)), https://x.dev!\rEnd';
    const { root, html } = sanitized(input);
    expect(html).to.equal(
      'Line 1<br>Line 2<br>See ' +
        `<a href="https://example.com/a?b=1&amp;c=2" ${LINK_ATTRS}>https://example.com/a?b=1&amp;c=2</a>. Or (` +
        `<a href="https://en.wikipedia.org/wiki/Foo_(bar)" ${LINK_ATTRS}>https://en.wikipedia.org/wiki/Foo_(bar)</a>), ` +
        `<a href="https://x.dev/" ${LINK_ATTRS}>https://x.dev</a>!<br>End`,
    );
    expectSafe(root, input);
  });

  it('reads text with a literal "<" or an unknown tag as plain text', () => {
    expect(sanitized('if x<y and y>z\nthen <your-name>').html).to.equal(
      'if x&lt;y and y&gt;z<br>then &lt;your-name&gt;',
    );
    expect(sanitized('javascript:alert(1) and data:text/html,x').html).to.equal(
      'javascript:alert(1) and data:text/html,x',
    );
  });

  it('links bare URLs in HTML text, but not inside links', () => {
    const { root, html } = sanitized('<p>Docs: https://x.dev/docs.</p><a href="https://a.dev/">see https://b.dev</a>');
    expect(html).to.equal(
      `<p>Docs: <a href="https://x.dev/docs" ${LINK_ATTRS}>https://x.dev/docs</a>.</p><a href="https://a.dev/" ${LINK_ATTRS}>see https://b.dev</a>`,
    );
    expectSafe(root, html);
  });

  it('gives well-formed output for broken markup', () => {
    expect(sanitized('<b><i>unclosed <a href="https://ok.example/">link').html).to.equal(
      `<b><i>unclosed <a href="https://ok.example/" ${LINK_ATTRS}>link</a></i></b>`,
    );
    expect(sanitized('</p></div></a>stray<li>item</b>').html).to.equal('stray<li>item</li>');
    expect(sanitized('<p>one<p>two<ul><li>a<li>b</ul>').html).to.equal(
      '<p>one</p><p>two</p><ul><li>a</li><li>b</li></ul>',
    );
    expect(
      sanitized('<a href="https://a.example/">a<a href="https://b.example/">b</a>').root.querySelectorAll('a a'),
    ).to.have.length(0);
    expect(sanitized('<b>bold<i>both</b>italic?</i>').html).to.equal('<b>bold<i>both</i></b>italic?');
    expect(sanitized('<a href="https://ok.example/').html).to.equal('');
  });

  it('flattens nesting deeper than 32', () => {
    const { root } = sanitized(`${'<span>'.repeat(100)}deep${'</span>'.repeat(100)}after`);
    let depth = 0;
    for (let el = root.querySelector('span'); el; el = el.querySelector('span')) depth++;
    expect(depth).to.equal(32);
    expect(root.textContent).to.equal('deepafter');
  });

  it('drops input beyond 100,000 characters, with an ellipsis', () => {
    const { root } = sanitized('a'.repeat(150_000));
    expect(root.textContent).to.have.length(100_001);
    expect(root.textContent?.endsWith('a\u2026')).to.equal(true);
    expect(sanitized(`${'a'.repeat(99_999)}\u{1F600}`).root.textContent?.endsWith('a\u2026')).to.equal(true);
  });

  it('removes bidi override and isolate controls, keeps right-to-left text', () => {
    expect(stripBidiControls('a\u202Abc\u202B\u202C\u202D\u202Ed\u2066e\u2067\u2068\u2069f')).to.equal('abcdef');
    expect(stripBidiControls('שלום \u200F مرحبا')).to.equal('שלום \u200F مرحبا');
    expect(sanitized('<b>evil\u202Etxt.exe</b> &#x202E;x&#8238;y').root.textContent).to.equal('eviltxt.exe xy');
    expect(sanitized('plain\u2067 text שלום').root.textContent).to.equal('plain text שלום');
  });

  it('creates the nodes in the given document', () => {
    const doc = document.implementation.createHTMLDocument('');
    const fragment = sanitizeDescription(GOOGLE, doc);
    expect(fragment.ownerDocument).to.equal(doc);
    expect(fragment.querySelector('a')?.ownerDocument).to.equal(doc);
  });

  it('works where Trusted Types are enforced', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'">`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.appendChild(frame);
    try {
      await loaded;
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      const doc = frame.contentDocument;
      if (!win || !doc) throw new Error('no frame document');
      // Enforcement is on: an HTML sink refuses strings there.
      expect(() => new win.DOMParser().parseFromString('<b>x</b>', 'text/html')).to.throw();
      expect(() => {
        doc.body.innerHTML = '<b>x</b>';
      }).to.throw();
      doc.body.appendChild(sanitizeDescription(`${GOOGLE}<img src=x onerror=alert(1)>`, doc));
      expect(doc.body.querySelector('a')?.getAttribute('href')).to.equal('https://zoom.us/j/1');
      expect(doc.body.querySelectorAll('li')).to.have.length(2);
    } finally {
      frame.remove();
    }
  });

  it('uses no HTML parser or sink in its source', async () => {
    const source = await (await fetch(new URL('../../../src/elements/ui/sanitize.ts', import.meta.url))).text();
    expect(source).to.include('createElement');
    for (const sink of [
      '.innerHTML',
      '.outerHTML',
      'insertAdjacentHTML(',
      'DOMParser(',
      'parseFromString(',
      'createContextualFragment(',
      '.write(',
      '.writeln(',
      'srcdoc',
      'setHTML',
    ]) {
      expect(source, sink).not.to.include(sink);
    }
  });

  it('is linear on hostile input', () => {
    const hostile = [
      '<'.repeat(100_000),
      `<a href="${'x'.repeat(100_000)}`,
      `<a href='${'<a href="'.repeat(10_000)}`,
      '<a '.repeat(33_000),
      '<a<a'.repeat(25_000),
      '</'.repeat(50_000),
      '<!'.repeat(50_000),
      '<!--'.repeat(25_000),
      '&#'.repeat(50_000),
      '&#x1'.repeat(25_000),
      `&${'a'.repeat(100_000)}`,
      'http://'.repeat(14_000),
      `https://x.dev/${')'.repeat(100_000)}`,
      `https://x.dev/${'.'.repeat(100_000)}`,
      '<b>'.repeat(33_000),
      '<li>'.repeat(25_000),
      '</b>'.repeat(25_000),
      `<b>${' '.repeat(100_000)}`,
      `<pre>${' \n'.repeat(50_000)}`,
      `<script>${'</scrip'.repeat(14_000)}`,
      `<p x=${'='.repeat(100_000)}>`,
    ];
    const time = (input: string): number => {
      const started = performance.now();
      sanitizeDescription(input);
      descriptionToText(input);
      return performance.now() - started;
    };
    for (const input of hostile) {
      // A quadratic pass would take minutes on these; a busy machine may stall one run: the better of two.
      let elapsed = time(input);
      if (elapsed >= 1000) elapsed = Math.min(elapsed, time(input));
      expect(elapsed, `${input.slice(0, 12)}… took ${elapsed} ms`).to.be.below(1000);
    }
  });
});

describe('sanitizeDescription against XSS payloads', () => {
  const PAYLOADS = [
    '<script>window.__xss=1</script>hello',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<script/src="data:text/javascript,window.__xss=1"></script>',
    '<img src=x onerror="window.__xss=1">',
    '<img src=x onerror=window.__xss=1//',
    '<IMG SRC="javascript:window.__xss=1">',
    '<svg onload="window.__xss=1"><circle r=1 /></svg>',
    '<svg><script>window.__xss=1</script></svg>',
    '<svg/onload=window.__xss=1>',
    '<a href="javascript:window.__xss=1">x</a>',
    '<a href="JaVaScRiPt:window.__xss=1">x</a>',
    '<a href=" javascript:window.__xss=1">x</a>',
    '<a href="java\tscript:window.__xss=1">x</a>',
    '<a href="java\nscript:window.__xss=1">x</a>',
    '<a href="java&#x09;script:window.__xss=1">x</a>',
    '<a href="&#106;avascript:window.__xss=1">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;window.__xss=1">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058window.__xss=1">x</a>',
    '<a href="javascript&colon;window.__xss=1">x</a>',
    '<a href="\x01javascript:window.__xss=1">x</a>',
    '<a href="&#x20;javascript:window.__xss=1">x</a>',
    '<a href="java\u00A0script:window.__xss=1">x</a>',
    '<a\nhref\n=\njavascript:window.__xss=1>x</a>',
    '<a href=javascript:window.__xss=1>x</a>',
    '<a href="data:text/html,<script>window.__xss=1</script>">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="//evil.example/">x</a>',
    '<a href="https://ok.example/" onclick="window.__xss=1" style="color:red" onmouseover="window.__xss=1">ok</a>',
    '<a href="https://ok.example/&quot; onmouseover=&quot;window.__xss=1">x</a>',
    '<iframe src="javascript:window.parent.__xss=1"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<style>body{background:url("javascript:window.__xss=1")}</style><p style="background:url(javascript:x)">t</p>',
    '<base href="https://evil.example/"><a href="https://ok.example/">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<form action="javascript:window.__xss=1"><button>go</button><input type=submit formaction="javascript:window.__xss=1"></form>',
    '<a id="x" name="y" href="https://ok.example/">clobber</a><form name="getElementById"><img name="cookie"></form><img name="body" id="attributes">',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
    '<math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss=1">',
    '<b><i><u>unclosed <a href="https://ok.example/">link',
    '</p></div></a>stray<li>item',
    '<!--><script>window.__xss=1</script>-->',
    '<!-- --!><img src=x onerror="window.__xss=1"> -->',
    '<!--[if gte IE 4]><script>window.__xss=1</script><![endif]-->',
    '<![CDATA[<img src=x onerror="window.__xss=1">]]>',
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
    '<object data="javascript:window.__xss=1"></object><embed src="javascript:window.__xss=1">',
    '<div onmouseover="window.__xss=1" style="position:fixed;inset:0">cover</div>',
    '<template><img src=x onerror="window.__xss=1"></template>',
    '<textarea><img src=x onerror="window.__xss=1"></textarea>',
    '<title><img src=x onerror="window.__xss=1"></title>',
    '<<script>script>window.__xss=1<</script>/script>',
    '<scr<script>ipt>window.__xss=1</script>',
    '"><img src=x onerror=window.__xss=1>',
    '<p/onclick=window.__xss=1>x',
    '<details open ontoggle="window.__xss=1">x</details>',
    '<video><source onerror="window.__xss=1"></video>',
    '<body onload="window.__xss=1">',
    '<input autofocus onfocus="window.__xss=1">',
    '<marquee onstart="window.__xss=1">x</marquee>',
    '<x onclick="window.__xss=1" href="javascript:x">custom <img src=x onerror="window.__xss=1">',
    '<a href="https://ok.example/" target="_self" rel="opener" part="evil" ping="https://evil.example/">x</a>',
    '<a href="mailto:a@example.org?subject=&lt;script&gt;">mail</a>',
    '<span dir="rtl">&#x202E;gnp.exe</span>',
  ];

  it('runs the detection (an inline handler that is kept does set window.__xss)', async () => {
    window.__xss = 0;
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__xss=1');
    img.setAttribute('src', 'data:,not-an-image');
    document.body.appendChild(img);
    for (let i = 0; i < 100 && window.__xss === 0; i++) await tick(20);
    img.remove();
    expect(window.__xss).to.equal(1);
  });

  for (const payload of PAYLOADS) {
    it(`neutralizes ${JSON.stringify(payload).slice(0, 90)}`, async () => {
      const { root } = sanitized(payload);
      expectSafe(root, payload);
      // CDATA is text: its markup is shown, never parsed.
      const markupShownAsText = payload.includes('CDATA');
      if (!markupShownAsText) expect(root.textContent).not.to.match(/window\.__xss=1<\/script>|onerror=/i);
      window.__xss = 0;
      const live = document.createElement('div');
      live.appendChild(sanitizeDescription(payload));
      document.body.appendChild(live);
      try {
        for (const el of live.querySelectorAll('*')) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        await tick();
        expect(window.__xss).to.equal(0);
      } finally {
        live.remove();
      }
      if (!markupShownAsText) expect(descriptionToText(payload)).not.to.match(/<script|onerror=/i);
    });
  }
});

describe('isSafeUrl', () => {
  it('accepts http, https and mailto, normalized', () => {
    expect(isSafeUrl('https://Zoom.US/j/1?pwd=a b')).to.equal('https://zoom.us/j/1?pwd=a%20b');
    expect(isSafeUrl('  HTTP://example.com  ')).to.equal('http://example.com/');
    expect(isSafeUrl('mailto:team@example.org')).to.equal('mailto:team@example.org');
    expect(isSafeUrl('https://example.com/\u202Efdp.exe')).to.equal('https://example.com/%E2%80%AEfdp.exe');
  });

  it('rejects every other scheme, relative URLs and what does not parse', () => {
    const rejected = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      'java script:x',
      '\u0000javascript:x',
      'javascript\u00A0:x',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      'file:///etc/passwd',
      'ftp://example.com/',
      'blob:https://example.com/x',
      'tel:123',
      '//evil.example/',
      '/path',
      'zoom.us/j/1',
      '',
      '   ',
      'https://',
      'http://[::1',
      'mailto:',
    ];
    for (const url of rejected) expect(isSafeUrl(url), JSON.stringify(url)).to.equal(undefined);
  });

  it('rejects Unicode whitespace, invisible characters and entities in the scheme', () => {
    const rejected = [
      '\u3000javascript:x',
      '\uFEFFjavascript:x',
      'java\u00ADscript:x',
      'java\u200Bscript:x',
      'javascript&colon;x',
      'jav&#x09;ascript:x',
      '&#106;avascript:x',
      'https:javascript:alert(1)',
      'javascript:https://example.com/',
    ];
    for (const url of rejected) expect(isSafeUrl(url), JSON.stringify(url)).to.equal(undefined);
  });

  it('returns what the URL parser makes of an accepted URL, so the checked URL is the linked one', () => {
    expect(isSafeUrl('https:/\\evil.example')).to.equal('https://evil.example/');
    expect(isSafeUrl('HTTPS\u0000://x.example')).to.equal('https://x.example/');
    // A mailto: link never runs, whatever follows the colon.
    expect(isSafeUrl('mailto:javascript:alert(1)')).to.equal('mailto:javascript:alert(1)');
    for (const url of ['https:/\\evil.example', 'HTTPS\u0000://x.example', ' https://ok.example ']) {
      const safe = isSafeUrl(url) ?? '';
      expect(new URL(safe).href).to.equal(safe);
    }
  });
});

describe('descriptionToText', () => {
  it('reads Google-style HTML as lines', () => {
    expect(descriptionToText(GOOGLE)).to.equal('Join: https://zoom.us/j/1\nAgenda\n- x\n- y');
  });

  it('breaks lines for <br>, <p>, <li> and blocks; collapses HTML whitespace', () => {
    expect(descriptionToText('<p>first\n   paragraph</p><p>second</p>a<br>b<br><br>c<div>d</div>e')).to.equal(
      'first paragraph\n\nsecond\n\na\nb\n\nc\nd\ne',
    );
    expect(descriptionToText('<ol><li>one</li><li><p>two</p><ul><li>sub</li></ul></li></ol>after')).to.equal(
      '1. one\n2. two\n  - sub\nafter',
    );
    expect(descriptionToText('<pre>  code\n    more</pre>tail')).to.equal('code\n    more\n\ntail');
    expect(descriptionToText('<h1>Title</h1><table><tr><td>a</td><td>b</td></tr></table>')).to.equal('Title\na b');
  });

  it('decodes entities and keeps unknown ones', () => {
    expect(descriptionToText('Tom &amp; Jerry &ndash; &#x1F600; &unknown; &nbsp;&hellip; &lt;b&gt;')).to.equal(
      'Tom & Jerry \u2013 \u{1F600} &unknown;  \u2026 <b>',
    );
  });

  it('keeps plain text as written', () => {
    expect(descriptionToText('Line 1\r\nLine 2\n\n  indented https://x.dev.')).to.equal(
      'Line 1\nLine 2\n\n  indented https://x.dev.',
    );
  });

  it('adds a link\u2019s URL when its text is not the URL', () => {
    expect(
      descriptionToText(
        '<a href="https://zoom.us/j/1">Join</a>. <a href="mailto:a@b.example">a@b.example</a> <a href="javascript:x">no</a>',
      ),
    ).to.equal('Join (https://zoom.us/j/1). a@b.example no');
    expect(
      descriptionToText('<a href="https://www.google.com/url?q=https://zoom.us/j/1">https://zoom.us/j/1</a>'),
    ).to.equal('https://zoom.us/j/1');
  });

  it('drops what sanitizeDescription drops and strips bidi controls', () => {
    expect(
      descriptionToText(
        '<script>alert(1)</script>safe<style>x{}</style> <b>bold</b> <svg><text>no</text></svg>\u202Eend',
      ),
    ).to.equal('safe bold end');
    expect(descriptionToText('<!--><script>x</script>-->ok')).to.equal('-->ok');
  });
});
