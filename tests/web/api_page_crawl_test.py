#!/usr/bin/env python3
"""Every page has its endpoint (issue 11: "an integration can do with tokens everything an
office does in the pages"), checked by walking the pages rather than by a list kept by hand.

Signs in as the amministratore of the comune, of the ambito and of every ente (the roles that
see every link and form; the last one also has the ente picker) and as every other role of the
comune and of the ambito, follows every link and form action of the pages breadth-first (GET
only: nothing is submitted), and maps each URL to a page template of PAGES below. The test
fails when:
- a page or form is found that no template knows (a new page must name its endpoint, or say
  why it has none in NOT_IN_API, as docs/api.md does);
- a template names an operation that the OpenAPI document does not have;
- a template is never reached (the table would keep a page that no longer exists);
- a page template is missing from docs/api.md's table of pages and endpoints;
- a link of a page does not answer 200, for any role (it found the ambito's plan list
  offering downloads of an empty list, which answered 400).
Usage: api_page_crawl_test.py TRAGUARDI_BINARY"""
import collections
import html
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from apitest import OWN, ApiServer, Fixture  # noqa: E402
from webtest import Client, add_user  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "api.md")
E = "/api/v1/enti/{ente}"
O = E + "/objectives/{vista}/{code}"
V, C, N, K = r"[^/]+", r"[^/]+", r"[0-9]+", r"[^/]+"  # vista, code, number, key
OBJ = f"/obiettivo/{V}/{C}"

# (page regex, how docs/api.md names the page, the API operations that do what it does)
PAGES = [
    ("/", "`/`", [("get", E + "/dashboard")]),
    ("/enti", "`/enti`", [("get", "/api/v1/enti")]),
    ("/piano", "`/piano`", [("get", E + "/objectives"), ("get", E + "/objective-tree"),
                            ("get", E + "/vistas")]),
    (r"/piano/elenco\.(pdf|xlsx|csv)", "`/piano/elenco", [("get", E + "/objectives-sheet")]),
    ("/piano/nuovo", "`/piano/nuovo`", [("post", E + "/objectives")]),
    (OBJ, "`/obiettivo/V/C`", [("get", O)]),
    (OBJ + r"/scheda\.(pdf|xlsx|csv)", "`/obiettivo/V/C/scheda", [("get", O + "/sheet")]),
    (OBJ + "/modifica", "`/obiettivo/V/C/modifica`", [("patch", O)]),
    (OBJ + "/elimina", "`/obiettivo/V/C/elimina`", [("delete", O)]),
    (OBJ + f"/fase/{N}", "`/obiettivo/…/fase/N`", [("patch", O + "/phases/{order}")]),
    (OBJ + f"/indicatore/{N}", "`…/indicatore/N`", [("patch", O + "/indicators/{order}")]),
    (OBJ + "/fase/nuova", "`/obiettivo/…/fase/nuova`", [("post", O + "/phases")]),
    (OBJ + "/indicatore/nuovo", "`…/indicatore/nuovo`", [("post", O + "/indicators")]),
    (OBJ + f"/fase/{N}/modifica", "`/obiettivo/…/fase/N/modifica`",
     [("patch", O + "/phases/{order}")]),
    (OBJ + f"/indicatore/{N}/modifica", "`…/indicatore/N/modifica`",
     [("patch", O + "/indicators/{order}")]),
    (OBJ + f"/fase/{N}/sposta", "`/obiettivo/…/fase/N/sposta`",
     [("post", O + "/phases/{order}/move")]),
    (OBJ + f"/fase/{N}/elimina", "`/obiettivo/…/fase/N/elimina`",
     [("delete", O + "/phases/{order}")]),
    (OBJ + f"/indicatore/{N}/elimina", "`…/indicatore/N/elimina`",
     [("delete", O + "/indicators/{order}")]),
    (OBJ + "/stato", "`/obiettivo/…/stato`", [("put", O + "/status")]),
    (OBJ + "/struttura/nuova", "`/obiettivo/…/struttura/nuova`", [("post", O + "/structures")]),
    (OBJ + "/soggetto/nuovo", "`…/soggetto/nuovo`", [("post", O + "/people")]),
    (OBJ + f"/struttura/{N}/rimuovi", "`/obiettivo/…/struttura/N/rimuovi`",
     [("delete", O + "/structures/{position}")]),
    (OBJ + f"/soggetto/{N}/rimuovi", "`…/soggetto/N/rimuovi`",
     [("delete", O + "/people/{position}")]),
    ("/organizzazione/cdr", "`/organizzazione/cdr`", [("get", E + "/centers")]),
    ("/organizzazione/cdr/nuovo", "`nuovo`", [("post", E + "/centers")]),
    (f"/organizzazione/cdr/{K}", "`{code}`", [("patch", E + "/centers/{center}")]),
    ("/organizzazione/persone", "`/organizzazione/persone`", [("get", E + "/persons")]),
    ("/organizzazione/persone/nuova", "`nuova`", [("post", E + "/persons")]),
    (f"/organizzazione/persone/{K}", "`{key}`", [("patch", E + "/persons/{person}")]),
    ("/organizzazione/assessorati", "`/organizzazione/assessorati`",
     [("get", E + "/assessorati")]),
    ("/organizzazione/assessorati/nuovo", "`nuovo`", [("post", E + "/assessorati")]),
    (f"/organizzazione/assessorati/{K}", "`{key}`",
     [("patch", E + "/assessorati/{assessorato}")]),
    ("/organizzazione/aree", "`/organizzazione/aree`", [("get", E + "/areas")]),
    ("/organizzazione/aree/nuova", "`nuova`", [("post", E + "/areas")]),
    (f"/organizzazione/aree/{V}/{N}", "`{vista}/{n}`", [("patch", E + "/areas/{vista}/{number}")]),
    ("/importa/prova", "`/importa/prova`", [("post", E + "/sheet-imports")]),
    ("/importa/conferma", "`/importa/conferma`", [("post", E + "/sheet-imports")]),
    ("/registro", "`/registro`", [("get", E + "/audit")]),
    ("/distretto", "`/distretto`", [("get", E + "/district")]),
    ("/distretto/valutazione", "`/distretto/valutazione`", [("get", E + "/district/evaluation")]),
    ("/distretto/statistiche", "`/distretto/statistiche`", [("get", E + "/district/statistics")]),
    (r"/distretto/(piano-di-zona|valutazione-esiti|statistiche-territoriali)\."
     r"(pdf|html|xlsx|csv)", "`/distretto/piano-di-zona",
     [("get", E + "/district/reports/{report}")]),
]
# Pages with nothing of their own for an integration; docs/api.md says why for each.
NOT_IN_API = ["/accesso", "/esci", "/token", f"/token/{N}/revoca", "/utenti",
              f"/utenti/{K}/(disattiva|riattiva)", "/organizzazione", "/importa"]
# Links the crawl does not follow: the web kit, the API itself, fragments of a page.
SKIP = re.compile(r"^/(static|api)/")
HREF = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)')
FORM = re.compile(r'<form\b[^>]*>')
PER_TEMPLATE = 3  # concrete pages fetched per template: enough to see every link they carry
# Except the plan's pages and every objective's lists of strutture and soggetti coinvolti: only
# some objectives have one to remove, and the removal links are on those lists.
ALL_OF = {"/piano", OBJ, OBJ + "/struttura/nuova", OBJ + "/soggetto/nuovo"}
NO_FOLLOW = {"/esci"}  # signs out
# Reached only by submitting a form of another page (the dry run's answer carries the confirm
# form); web_forms and web_api_authoring test both steps.
AFTER_SUBMIT = {"/importa/conferma"}


def template_of(path):
    for i, (regex, _, _) in enumerate(PAGES):
        if re.fullmatch(regex, path):
            return i
    for regex in NOT_IN_API:
        if re.fullmatch(regex, path):
            return "not_in_api"
    return None


def page_url(href):
    """The path of a link, with its `pagina` if any: a paged list's later pages link to pages
    the first does not."""
    url = urllib.parse.urlsplit(html.unescape(href))
    page = urllib.parse.parse_qs(url.query).get("pagina")
    return url.path + (f"?pagina={page[0]}" if page else "")


def targets(page):
    """(url, how) of every link and form action on a page."""
    for href in HREF.findall(page):
        yield page_url(href), "link"
    for form in FORM.findall(page):
        action = re.search(r'\baction="([^"]*)"', form)
        method = re.search(r'\bmethod="([^"]*)"', form)
        how = "form " + (method.group(1).lower() if method else "get")
        if action and action.group(1).startswith("/"):
            yield urllib.parse.urlsplit(html.unescape(action.group(1))).path, how


class PageCrawlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(BIN)
        cls.server = ApiServer(BIN, cls.fx.db, "--api-limite", "1000000")
        status, _, cls.openapi = cls.server.call("GET", "/api/v1/openapi.json")
        assert status == 200, status
        cls.seen = collections.defaultdict(set)  # template index -> concrete paths
        cls.unknown = {}  # path -> (how, found on)
        add_user(BIN, cls.fx.db, "nazionale", "amministratore", ente="")
        # The demo has strutture coinvolte but no soggetto: one, so its "Rimuovi" shows.
        people = "/api/v1/enti/C_VALDORA/objectives/%s/%s/people" % OWN
        status, _, _ = cls.server.call("POST", people, cls.fx.tokens["amministratore"],
                                       {"persona": "MARINI ELENA", "relazione": "referente"})
        assert status == 201, status
        # The amministratori see every page; the other roles' walks check that every link
        # they are shown answers 200 (none leads them to a refusal).
        for user in ("amministratore", "amb-amministratore", "nazionale", "controllo",
                     "responsabile", "lettore", "amb-controllo", "amb-responsabile",
                     "amb-lettore"):
            cls.crawl(user)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.fx.cleanup()

    @classmethod
    def crawl(cls, user):
        client = Client(cls.server)
        status, _, _ = client.login(user)
        assert status == 303, f"{user}: sign-in answered {status}"
        queue, fetched = collections.deque(["/"]), set()
        while queue:
            path = queue.popleft()
            if path in fetched:
                continue
            fetched.add(path)
            status, headers, page = client.get(path)
            assert status == 200, f"{user}: GET {path} answered {status}"
            if "text/html" not in headers.get("Content-Type", ""):
                continue  # a download: nothing to follow
            for target, how in targets(page):
                if SKIP.match(target) or target in fetched:
                    continue
                t = template_of(target.split("?")[0])
                if t is None:
                    cls.unknown.setdefault(target, (how, path))
                    continue
                if how == "form post":  # submitting would change the plan: only recorded
                    if t != "not_in_api":
                        cls.seen[t].add(target)
                    continue
                if t == "not_in_api":
                    if target not in NO_FOLLOW:
                        queue.append(target)
                    continue
                if len(cls.seen[t]) < PER_TEMPLATE or PAGES[t][0] in ALL_OF:
                    cls.seen[t].add(target)
                    queue.append(target)
        # The pages fetched without being queued from a link: the start page "/".
        for path in fetched:
            t = template_of(path.split("?")[0])
            if isinstance(t, int):
                cls.seen[t].add(path)

    def test_every_page_and_form_is_known(self):
        self.assertEqual(
            {p: f"{how} on {where}" for p, (how, where) in self.unknown.items()}, {},
            "pages or forms with no template: add each to PAGES with its endpoint, or to "
            "NOT_IN_API and docs/api.md with the reason")

    def test_every_template_names_documented_operations(self):
        for regex, _, operations in PAGES:
            for method, path in operations:
                self.assertIn(path, self.openapi["paths"], regex)
                self.assertIn(method, self.openapi["paths"][path], f"{regex}: {method} {path}")

    def test_every_template_is_reached(self):
        missing = [PAGES[i][0] for i in range(len(PAGES))
                   if not self.seen[i] and PAGES[i][0] not in AFTER_SUBMIT]
        self.assertEqual(missing, [], "templates no page links to")
        # Not vacuous: the crawl saw many pages of many kinds.
        self.assertGreater(sum(len(s) for s in self.seen.values()), 2 * len(PAGES))

    def test_docs_table_names_every_page(self):
        with open(DOC, encoding="utf-8") as f:
            doc = f.read()
        table = doc[doc.index("| page (form or download) | endpoint |"):]
        table = table[:table.index("\n\n")]
        rows = [line.split("|")[1] for line in table.splitlines()[2:]]
        for regex, name, operations in PAGES:
            self.assertTrue(any(name in row for row in rows),
                            f"docs/api.md's table has no row for {name} ({regex})")
        not_in_api = doc[doc.index("Deliberately not in the API"):]
        for page in ("/accesso", "/esci", "/utenti", "/token", "/organizzazione", "/importa"):
            self.assertIn(f"`{page}`", not_in_api)


if __name__ == "__main__":
    unittest.main(verbosity=2)
