// The web UI's entry: the page frame (header, navigation, search) and the hash-route table.
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { CardHost } from "./components/Card.js";
import { href, useRoute, type Route } from "./router.js";
import { ArticlePage } from "./pages/Reader.js";
import { EntitiesPage, EntityPage, WhoPage } from "./pages/Entity.js";
import { FigurePage, FiguresPage } from "./pages/Figures.js";
import { HomePage } from "./pages/Home.js";
import { MapPage } from "./pages/MapPage.js";
import { QuotesPage } from "./pages/Quotes.js";
import { SearchPage } from "./pages/Search.js";
import { SourcesPage } from "./pages/Sources.js";
import "./styles.css";

const NAV: { path: string; label: string; match: string[] }[] = [
  { path: "", label: "Articles", match: ["", "article"] },
  { path: "quotes", label: "Quotes & claims", match: ["quotes", "claims"] },
  { path: "people", label: "People & orgs", match: ["people", "entity", "who"] },
  { path: "figures", label: "Figures", match: ["figures"] },
  { path: "map", label: "Map", match: ["map"] },
  { path: "sources", label: "Sources", match: ["sources"] },
];

function Page({ route }: { route: Route }) {
  const [head, ...rest] = route.parts;
  switch (head ?? "") {
    case "": return <HomePage />;
    case "article": return <ArticlePage id={rest.join("/")} at={route.query.get("at") ?? undefined} />;
    case "quotes":
    case "claims": return <QuotesPage route={route} />;
    case "people": return <EntitiesPage route={route} />;
    case "entity": return <EntityPage id={rest.join("/")} />;
    case "who": return <WhoPage name={rest.join("/")} />;
    case "figures": return rest.length ? <FigurePage figureKey={rest.join("/")} /> : <FiguresPage route={route} />;
    case "map": return <MapPage route={route} />;
    case "sources": return <SourcesPage route={route} />;
    case "search": return <SearchPage route={route} />;
    default: return <p role="alert">No page here. <a href="#/">Go to the articles.</a></p>;
  }
}

function SearchBox({ route }: { route: Route }) {
  const current = route.parts[0] === "search" ? (route.query.get("q") ?? "") : "";
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  return (
    <form
      class="searchbox"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) location.hash = href(["search"], { q: q.trim() });
      }}
    >
      <label class="sr-only" for="global-search">Search articles and quotes</label>
      <input id="global-search" type="search" placeholder="Search articles, quotes…" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const key = location.hash.split("?")[0];
  // A new page moves focus to the content (not for filter changes, which keep it in their inputs).
  useEffect(() => {
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [key]);
  const head = route.parts[0] ?? "";
  return (
    <CardHost>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">claimline</a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a href={`#/${n.path}`} aria-current={n.match.includes(head) ? "page" : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox route={route} />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </CardHost>
  );
}

render(<App />, document.getElementById("app")!);
