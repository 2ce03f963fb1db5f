// Hand-written pages and feeds for the ingest tests (an invented outlet and invented people).

export const ARTICLE_PARAGRAPHS = [
  "The regional water authority said on Tuesday that reservoir levels had fallen to 38 percent of capacity, the lowest October reading since records began in 1961.",
  "“We are asking every household to cut use by a fifth,” said Marta Okonkwo-Reyes, the authority's director of operations, at a briefing in the port city.",
  "Farmers in the valley estimate that about 4,000 hectares of orchards could go without irrigation next spring if the autumn rains fail again, according to a survey by the growers' cooperative.",
  "The authority has not said whether it will ration supplies to industry. A spokesman for the largest brewery in the region declined to comment on reports that it had already cut production.",
  "Engineers are studying a proposal to pump water from a disused quarry lake, a plan that environmental groups say could damage a protected wetland downstream.",
];

export interface PageParts {
  head?: string;
  htmlAttrs?: string;
  beforeArticle?: string;
  articleHeader?: string;
  afterArticle?: string;
  paragraphs?: string[];
}

/** A news page with navigation, a share bar, related links and a footer around the article. */
export function newsPage(parts: PageParts = {}): string {
  const paragraphs = (parts.paragraphs ?? ARTICLE_PARAGRAPHS).map((p) => `<p>${p}</p>`).join("\n        ");
  return `<!DOCTYPE html>
<html ${parts.htmlAttrs ?? 'lang="en-GB"'}>
<head>
  <meta charset="utf-8">
  <title>Reservoirs hit record low as drought deepens | The Harbour Gazette</title>
  ${parts.head ?? ""}
  <script>window.dataLayer = [{"page": "article"}];</script>
  <style>.share { display: flex }</style>
</head>
<body>
  <header class="site-header">
    <a href="/">The Harbour Gazette</a>
    <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  ${parts.beforeArticle ?? ""}
  <main>
    <article class="story">
      ${parts.articleHeader ?? ""}
      <div class="share-bar social"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>
      <figure><img src="/r.jpg" alt=""><figcaption>The north reservoir in September. Photo: Gazette staff</figcaption></figure>
      <div class="story-body">
        ${paragraphs}
      </div>
    </article>
    ${parts.afterArticle ?? ""}
    <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Council approves new ferry timetable</a></li><li><a href="/b">Storm damages harbour wall</a></li></ul></aside>
  </main>
  <footer class="site-footer"><p>© 2024 The Harbour Gazette. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body>
</html>`;
}

export const JSON_LD_HEAD = `
  <link rel="canonical" href="https://gazette.example/news/2023/05/17/reservoirs-record-low">
  <meta property="og:site_name" content="The Harbour Gazette">
  <meta property="og:title" content="Reservoirs hit record low as drought deepens">
  <meta property="og:url" content="https://gazette.example/og/reservoirs">
  <meta name="description" content="Households asked to cut water use by a fifth.">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "The Harbour Gazette", "url": "https://gazette.example/"},
    {"@type": "NewsArticle",
     "headline": "Reservoirs hit record low as drought deepens",
     "description": "Households are asked to cut water use by a fifth as the dry autumn continues.",
     "datePublished": "2023-05-17T08:30:00+01:00",
     "dateModified": "2023-05-17T14:05:00+01:00",
     "author": [{"@type": "Person", "name": "Tomas Ferreira-Lund"}, {"@type": "Person", "name": "Ines Halvorsen"}],
     "publisher": {"@type": "Organization", "name": "Harbour Gazette Media"},
     "inLanguage": "en-GB"}
  ]}
  </script>`;

export const OPEN_GRAPH_HEAD = `
  <meta property="og:site_name" content="Valley Courier">
  <meta property="og:title" content="Growers fear dry spring - Valley Courier">
  <meta property="og:description" content="Orchards could go without irrigation.">
  <meta property="og:url" content="https://courier.example/growers-fear-dry-spring">
  <meta property="og:locale" content="en_US">
  <meta property="article:published_time" content="2024-10-25T17:00:00Z">
  <meta property="article:modified_time" content="2024-10-25T18:30:00Z">
  <meta name="author" content="By Dana Whitcombe and Olu Adeyemi, Staff Writers">`;

/** A section front: story cards, each a linked headline and a one-line summary (invented stories). */
export function indexPage(): string {
  const stories = [
    ["Council approves new ferry timetable", "Crossings will run every forty minutes from March."],
    ["Storm damages harbour wall", "Repairs are expected to take most of the winter."],
    ["Library reopens after two-year refit", "The reading room now has space for two hundred people."],
    ["Fishing fleet lands record mackerel catch", "Prices at the quayside market fell by a third."],
    ["School choir wins regional contest", "The choir will sing at the national final in May."],
    ["Bus drivers vote on new pay offer", "The result of the ballot is due next week."],
  ];
  const cards = stories
    .map(([h, p], i) => `<article class="card"><h3><a href="/news/story-${i}">${h}</a></h3><p>${p}</p></article>`)
    .join("\n      ");
  return `<!DOCTYPE html><html lang="en"><head><title>Local news | The Harbour Gazette</title>
  <meta property="og:type" content="website"></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
  <main class="section-front">
    <h1>Local news</h1>
    <div class="story-list">
      ${cards}
    </div>
  </main>
  <footer><p>© 2024 The Harbour Gazette</p></footer>
</body></html>`;
}

/** A paywalled story: the headline, a two-sentence teaser and the subscription prompt (invented). */
export function paywallPage(): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Reservoirs hit record low | The Harbour Gazette</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
  <article>
    <h1>Reservoirs hit record low as drought deepens</h1>
    <p>${ARTICLE_PARAGRAPHS[0]}</p>
    <div class="subscription-prompt"><p>Subscribe now to continue reading this story and get unlimited access.</p>
    <a href="/subscribe">See offers</a></div>
  </article>
  <footer><p>© 2024 The Harbour Gazette</p></footer>
</body></html>`;
}

/** A client-rendered page: an empty mount point and a notice for browsers without JavaScript. */
export const EMPTY_SHELL = `<!DOCTYPE html><html><head><title>Gazette</title><script src="/app.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>`;
