#!/usr/bin/env python3
"""What the pages do that the API did not (issue 11, "an integration can do with tokens
everything an office does in the pages"): assessorati and aree tematiche listed, created and
changed; a struttura or soggetto coinvolto removed from an objective (with If-Match on the
objective's ETag, so a position read before another change never removes another entry); a
fase moved; the dashboard's roll-ups and the Piano di Zona (plan with link figures,
evaluation, statistics, reports) read. Each through the pages' use case, with the token's user
in the audit log, the roles of the pages, problem+json for bad values and nothing changed on a
refusal.
Usage: api_parity_test.py TRAGUARDI_BINARY"""
import os
import sqlite3
import sys
import io
import unittest
import zipfile
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal

sys.path.insert(0, os.path.dirname(__file__))
from apitest import AMBITO, OTHER, OWN, ROLES, ApiServer, Fixture  # noqa: E402
from webtest import Client, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
ENTE = "/api/v1/enti/C_VALDORA"
OBJ = ENTE + "/objectives"
DISTRICT = f"/api/v1/enti/{AMBITO}/district"


class ParityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(BIN)
        cls.db = cls.fx.db
        cls.server = ApiServer(BIN, cls.db, "--api-limite", "1000000")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.fx.cleanup()

    def call(self, method, path, who="controllo", body=None, headers=None):
        return self.server.call(method, path, self.fx.tokens[who], body, headers)

    def assertProblem(self, answer, status, pointers=None):
        code, headers, body = answer
        self.assertEqual(code, status, str(body)[:500])
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        if pointers is not None:
            self.assertEqual([e.get("pointer") for e in body.get("errors", [])], list(pointers),
                             body)
        return body

    def last_audit(self, n=1):
        with sqlite3.connect(self.db) as c:
            return c.execute("SELECT action, before_value, after_value, actor FROM audit_log "
                             "ORDER BY id DESC LIMIT ?", (n,)).fetchall()[::-1]

    def table(self, name):
        with sqlite3.connect(self.db) as c:
            return c.execute(f"SELECT * FROM {name} ORDER BY 1, 2, 3").fetchall()

    def test_assessorati(self):
        status, _, body = self.call("GET", ENTE + "/assessorati", "lettore")
        self.assertEqual(status, 200, body)
        self.assertIn({"key": "SINDACO", "description": "Sindaco",
                       "delegations": "Coordinamento, bilancio, personale"}, body["items"])
        status, headers, made = self.call("POST", ENTE + "/assessorati",
                                          body={"descrizione": "Pari Opportunità",
                                                "deleghe": "Politiche di genere"})
        self.assertEqual(status, 201, made)
        self.assertEqual(made, {"key": "PARI OPPORTUNITÀ", "description": "Pari Opportunità",
                                "delegations": "Politiche di genere"})
        self.assertEqual(self.last_audit()[0][0::3], ("nuovo assessorato", "controllo"))
        location = urllib.parse.unquote(headers["Location"])
        self.assertEqual(location, ENTE + "/assessorati/PARI OPPORTUNITÀ")
        self.assertEqual(self.call("GET", ENTE + "/assessorati")[2]["items"][-1], made)
        status, _, body = self.call("PATCH", headers["Location"], body={"deleghe": "Genere"})
        self.assertEqual((status, body["delegations"]), (200, "Genere"), body)
        self.assertProblem(self.call("POST", ENTE + "/assessorati",
                                     body={"descrizione": "pari  opportunità"}), 409)
        self.assertProblem(self.call("POST", ENTE + "/assessorati", body={"deleghe": "x"}), 422,
                           ["/descrizione"])
        status, _, body = self.call("PATCH", ENTE + "/assessorati/SINDACO",
                                    body={"deleghe": "Coordinamento e bilancio"})
        self.assertEqual((status, body["delegations"]), (200, "Coordinamento e bilancio"), body)
        self.assertEqual(self.last_audit()[0][:3],
                         ("modifica assessorato", "Coordinamento, bilancio, personale",
                          "Coordinamento e bilancio"))
        self.assertProblem(self.call("PATCH", ENTE + "/assessorati/NESSUNO",
                                     body={"deleghe": "x"}), 404)
        before = self.table("assessorato")
        for who in ("responsabile", "lettore"):
            self.assertProblem(self.call("PATCH", ENTE + "/assessorati/SINDACO", who,
                                         {"deleghe": "mie"}), 403)
            self.assertProblem(self.call("POST", ENTE + "/assessorati", who,
                                         {"descrizione": "Mio"}), 403)
        self.assertProblem(self.call("GET", "/api/v1/enti/C_ALTRO/assessorati"), 404)
        self.assertEqual(self.table("assessorato"), before)

    def test_areas(self):
        status, _, body = self.call("GET", ENTE + "/areas", "lettore")
        self.assertEqual(status, 200, body)
        self.assertIn({"vista": OWN[0], "number": 1, "description": "1. VALDORA CHE CURA"},
                      body["items"])
        status, headers, made = self.call("POST", ENTE + "/areas",
                                          body={"vista": OWN[0], "numero": "7",
                                                "descrizione": "7. VALDORA CHE LEGGE"})
        self.assertEqual(status, 201, made)
        self.assertEqual(made, {"vista": OWN[0], "number": 7, "description": "7. VALDORA CHE LEGGE"})
        self.assertEqual(headers["Location"], f"{ENTE}/areas/{OWN[0]}/7")
        self.assertProblem(self.call("POST", ENTE + "/areas", body={
            "vista": OWN[0], "numero": 7, "descrizione": "doppia"}), 409)
        self.assertProblem(self.call("POST", ENTE + "/areas", body={
            "vista": OWN[0], "numero": 0, "descrizione": "zero"}), 422, ["/numero"])
        self.assertProblem(self.call("POST", ENTE + "/areas", body={"numero": 8}), 422,
                           ["/descrizione", "/vista"])
        status, _, body = self.call("PATCH", f"{ENTE}/areas/{OWN[0]}/7",
                                    body={"descrizione": "7. VALDORA CHE STUDIA"})
        self.assertEqual((status, body["description"]), (200, "7. VALDORA CHE STUDIA"), body)
        self.assertEqual(self.last_audit()[0][1:],
                         ("7. VALDORA CHE LEGGE", "7. VALDORA CHE STUDIA", "controllo"))
        self.assertProblem(self.call("PATCH", f"{ENTE}/areas/{OWN[0]}/99",
                                     body={"descrizione": "x"}), 404)
        self.assertProblem(self.call("PATCH", f"{ENTE}/areas/{OWN[0]}/7",
                                     body={"descrizione": None}), 422, ["/descrizione"])
        before = self.table("thematic_area")
        self.assertProblem(self.call("PATCH", f"{ENTE}/areas/{OWN[0]}/7", "responsabile",
                                     {"descrizione": "mia"}), 403)
        self.assertProblem(self.call("POST", ENTE + "/areas", "lettore",
                                     {"vista": OWN[0], "numero": 8, "descrizione": "mia"}), 403)
        self.assertEqual(self.table("thematic_area"), before)

    def test_involved_removed(self):
        url = f"{OBJ}/{OWN[0]}/2025_S01_04"
        for name in ("Prima", "Seconda", "Terza"):
            status, _, body = self.call("POST", url + "/structures", "responsabile",
                                        {"descrizione": name})
            self.assertEqual(status, 201, body)
        status, headers, body = self.call("POST", url + "/people", "responsabile",
                                          {"persona": "COLOMBO DAVIDE", "impegno": 10})
        self.assertEqual(status, 201, body)
        names = [s["description"] for s in body["structures"]]
        people = len(body["people"])
        at = names.index("Seconda") + 1
        etag = self.call("GET", url)[1]["ETag"]
        status, _, _ = self.call("DELETE", f"{url}/structures/{at}", "responsabile",
                                 headers={"If-Match": etag})
        self.assertEqual(status, 204)
        _, _, now = self.call("GET", url)
        self.assertEqual([s["description"] for s in now["structures"]],
                         [n for n in names if n != "Seconda"])
        self.assertEqual(self.last_audit()[0],
                         ("rimozione struttura coinvolta", "Seconda", "", "responsabile"))
        # The same ETag is stale now: 412, and "Terza" (now at that position) stays.
        self.assertProblem(self.call("DELETE", f"{url}/structures/{at}", "responsabile",
                                     headers={"If-Match": etag}), 412)
        self.assertProblem(self.call("DELETE", f"{url}/structures/99", "responsabile"), 404)
        # Without If-Match (or with "*") a position is refused: 428, "Terza" stays.
        for no_version in ({}, {"If-Match": "*"}):
            body = self.assertProblem(self.call("DELETE", f"{url}/structures/{at}",
                                                "responsabile", headers=no_version), 428)
            self.assertIn("If-Match", body["detail"])
        status, _, _ = self.call("DELETE", f"{url}/people/{people}",
                                 headers={"If-Match": self.call("GET", url)[1]["ETag"]})
        self.assertEqual(status, 204)
        self.assertEqual(self.last_audit()[0],
                         ("rimozione soggetto coinvolto", "COLOMBO DAVIDE", "", "controllo"))
        _, _, final = self.call("GET", url)
        self.assertEqual(len(final["people"]), people - 1)
        self.assertIn("Terza", [s["description"] for s in final["structures"]])
        # Another CdR's objective, a lettore: 403, nothing changed.
        before = self.table("involved_structure"), self.table("involved_person")
        theirs = f"{OBJ}/{OTHER[0]}/{OTHER[1]}"
        self.assertEqual(self.call("POST", theirs + "/structures", body={"descrizione": "X"})[0],
                         201)
        before = self.table("involved_structure"), self.table("involved_person")
        self.assertProblem(self.call("DELETE", theirs + "/structures/1", "responsabile"), 403)
        self.assertProblem(self.call("DELETE", url + "/structures/1", "lettore"), 403)
        self.assertEqual((self.table("involved_structure"), self.table("involved_person")),
                         before)

    def test_phase_moved(self):
        url = f"{OBJ}/{OWN[0]}/2025_S01_05"
        _, _, o = self.call("GET", url)
        phases = [p["description"] for p in o["phases"]]
        self.assertGreaterEqual(len(phases), 2)
        etag = self.call("GET", url + "/phases/1")[1]["ETag"]
        status, headers, body = self.call("POST", url + "/phases/1/move", "responsabile",
                                          {"posizione": len(phases)},
                                          {"If-Match": etag})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["order"], body["description"]), (len(phases), phases[0]))
        self.assertIn("ETag", headers)
        _, _, o = self.call("GET", url)
        self.assertEqual([p["description"] for p in o["phases"]], phases[1:] + phases[:1])
        self.assertEqual(self.last_audit()[0][1:],
                         ("1", str(len(phases)), "responsabile"))
        self.assertProblem(self.call("POST", url + "/phases/1/move", body={"posizione": 1},
                                     headers={"If-Match": etag}), 412)
        self.assertProblem(self.call("POST", url + "/phases/1/move", body={"posizione": 1}), 428)
        self.assertEqual([p["description"] for p in self.call("GET", url)[2]["phases"]],
                         phases[1:] + phases[:1])
        self.assertProblem(self.call("POST", url + "/phases/1/move",
                                     body={"posizione": len(phases) + 1}), 422, ["/posizione"])
        self.assertProblem(self.call("POST", url + "/phases/1/move", body={}), 422,
                           ["/posizione"])
        self.assertProblem(self.call("POST", url + "/phases/99/move", body={"posizione": 1}),
                           404)
        before = self.table("phase")
        self.assertProblem(self.call("POST", f"{OBJ}/{OTHER[0]}/{OTHER[1]}/phases/1/move",
                                     "responsabile", {"posizione": 1}), 403)
        self.assertProblem(self.call("POST", url + "/phases/1/move", "lettore",
                                     {"posizione": 2}), 403)
        self.assertEqual(self.table("phase"), before)

    def test_vistas(self):
        status, _, body = self.call("GET", ENTE + "/vistas", "lettore")
        self.assertEqual(status, 200, body)
        vista = next(v for v in body["items"] if v["code"] == OWN[0])
        self.assertEqual([(l["key"], l["order"]) for l in vista["levels"]],
                         [("mandato", 1), ("missione", 2), ("programma", 3), ("peg", 4)])
        self.assertEqual((vista["year_from"], vista["year_to"]), (2025, 2027))
        self.assertProblem(self.call("GET", "/api/v1/enti/C_ALTRO/vistas", "lettore"), 404)

    def test_objectives_sheet(self):
        """The plan page's list download: the filtered objectives in one file."""
        query = "livello=peg&cdr=01_S_2025"
        _, _, flat = self.call("GET", f"{OBJ}?{query}&limit=500", "lettore")
        status, headers, body = self.server.call(
            "GET", f"{ENTE}/objectives-sheet?format=csv&{query}", self.fx.tokens["lettore"])
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/zip")
        self.assertIn("elenco-obiettivi", headers["Content-Disposition"])
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            text = "".join(z.read(n).decode("utf-8") for n in z.namelist())
        for o in flat["items"]:
            self.assertIn(o["code"], text)
        self.assertNotIn(OTHER[1], text)
        status, headers, body = self.server.call(
            "GET", f"{ENTE}/objectives-sheet?format=pdf", self.fx.tokens["lettore"])
        self.assertEqual((status, body[:5]), (200, b"%PDF-"))
        self.assertProblem(self.call("GET", f"{ENTE}/objectives-sheet?format=doc"), 400)
        self.assertProblem(self.call("GET", f"{ENTE}/objectives-sheet?format=pdf&livello=x"),
                           400)
        self.assertProblem(self.call("GET", "/api/v1/enti/C_ALTRO/objectives-sheet?format=pdf"),
                           404)

    def test_dashboard(self):
        """The home page's figures, computed again here from the objectives' own figures."""
        status, headers, dash = self.call("GET", ENTE + "/dashboard", "lettore")
        self.assertEqual(status, 200, dash)
        _, _, peg = self.call("GET", OBJ + "?livello=peg&limit=500", "lettore")
        self.assertEqual(dash["peg_objectives"], peg["total"])
        progress = [Decimal(o["progress"]) for o in peg["items"] if o["progress"] is not None]
        achieved = [Decimal(o["achievement"]) for o in peg["items"]
                    if o["achievement"] is not None]
        self.assertEqual((dash["with_progress"], dash["with_achievement"]),
                         (len(progress), len(achieved)))
        self.assertLess(abs(Decimal(dash["mean_progress"]) - sum(progress) / len(progress)),
                        Decimal("0.000001"))
        self.assertLess(abs(Decimal(dash["mean_achievement"]) - sum(achieved) / len(achieved)),
                        Decimal("0.000001"))
        # Late: a fase past its planned end below 100%; none of the others has one.
        late = {o["code"] for o in dash["late"]}
        for o in peg["items"]:
            _, _, full = self.call("GET", f"{OBJ}/{o['vista']}/{o['code']}", "lettore")
            is_late = any(p["fine_prevista"] and p["fine_prevista"] < dash["as_of"] and
                          (p["avanzamento"] is None or Decimal(p["avanzamento"]) < 100)
                          for p in full["phases"])
            self.assertEqual(o["code"] in late, is_late, o["code"])
        # The CdR axis: each row counts the PEG objectives the CdR owns.
        cdr = {r["key"]: r for r in dash["axes"]["cdr"]}
        for o in peg["items"]:
            self.assertIn(o["center"], cdr)
        for key, row in cdr.items():
            self.assertEqual(row["objectives"], sum(o["center"] == key for o in peg["items"]))
        self.assertTrue(dash["axes"]["missione"] and dash["axes"]["assessorato"])
        # "Da compilare": the responsabile's objectives with a value missing; nobody else's.
        # The demo has every value of the CdR filled: one avanzamento is cleared for this.
        self.assertEqual(dash["to_fill"], [])
        phase = f"{OBJ}/{OWN[0]}/{OWN[1]}/phases/1"
        before = self.call("GET", phase)[2]["avanzamento"]
        self.assertEqual(self.call("PATCH", phase, "responsabile", {"avanzamento": None})[0], 200)
        try:
            _, _, mine = self.call("GET", ENTE + "/dashboard", "responsabile")
            _, _, own = self.call("GET", OBJ + "?cdr=01_S_2025&limit=500", "responsabile")
            expected = []
            for o in own["items"]:
                _, _, full = self.call("GET", f"{OBJ}/{o['vista']}/{o['code']}", "responsabile")
                if any(p["avanzamento"] is None for p in full["phases"]) or \
                        any(i["valore_raggiunto"] is None for i in full["indicators"]):
                    expected.append(o["code"])
            self.assertIn(OWN[1], expected)
            self.assertEqual(sorted(o["code"] for o in mine["to_fill"]), sorted(expected))
            self.assertEqual(self.call("GET", ENTE + "/dashboard", "controllo")[2]["to_fill"], [])
            page = Client(self.server)
            page.login("responsabile")
            home = page.get("/")[2]
            filling = home[home.index('id="da-compilare"'):home.index('id="ritardo"')]
            for code in expected:
                self.assertIn(f">{code}</a>", filling)
        finally:
            self.call("PATCH", phase, "responsabile", {"avanzamento": before})
        # The page shows the same count; the ETag answers 304 while nothing changed.
        page = Client(self.server)
        page.login("lettore")
        self.assertIn(f'Obiettivi di PEG</p><p class="h3 mb-0">{dash["peg_objectives"]}</p>',
                      page.get("/")[2])
        self.assertEqual(self.call("GET", ENTE + "/dashboard", "lettore",
                                   headers={"If-None-Match": headers["ETag"]})[0], 304)
        self.assertProblem(self.call("GET", "/api/v1/enti/C_ALTRO/dashboard"), 404)

    def test_district_plan_with_link_figures(self):
        status, headers, plan = self.call("GET", DISTRICT, "ambito_lettore")
        self.assertEqual(status, 200, plan)
        self.assertEqual(plan["ente"]["code"], AMBITO)
        self.assertEqual([c["name"] for c in plan["comuni"] if c["capofila"]], ["Valdora"])
        self.assertIn("Assemblea dei sindaci", [b["name"] for b in plan["governance"]])
        macros = {m["code"]: m for m in plan["macro_objectives"]}
        self.assertEqual(len(macros["MO01"]["placements"]), 2)  # in two areas
        self.assertEqual(macros["MO03"]["links"]["objectives"], [])
        mo04 = macros["MO04"]["links"]
        self.assertEqual((mo04["with_progress"], mo04["with_achievement"]), (2, 2))
        self.assertEqual(mo04["mean_progress"], "75.25")  # (86,5 + 64,0) / 2, as the page
        # A linked objective of the comune C_VALDORA has its own figures, as the comune's API.
        linked = [o for m in plan["macro_objectives"] for o in m["links"]["objectives"]
                  if o["ente"] == "C_VALDORA" and o["found"]]
        self.assertTrue(linked)
        for o in linked:
            _, _, theirs = self.call("GET", f"{OBJ}/{o['vista']}/{o['objective']}", "lettore")
            self.assertEqual((o["progress"], o["achievement"]),
                             (theirs["progress"], theirs["achievement"]), o)
        self.assertEqual(self.call("GET", DISTRICT, "ambito_lettore",
                                   headers={"If-None-Match": headers["ETag"]})[0], 304)
        # A link made with collega-macro moves the figures and the ETag.
        run(self.fx.binary, "collega-macro", "--db", self.db, "--ente", AMBITO, "--macro",
            "MO03", "--comune", "C_VALDORA", "--obiettivo", OWN[1])
        try:
            status, after, plan = self.call("GET", DISTRICT, "ambito_lettore",
                                            headers={"If-None-Match": headers["ETag"]})
            self.assertEqual(status, 200)
            self.assertNotEqual(after["ETag"], headers["ETag"])
            mo03 = next(m for m in plan["macro_objectives"] if m["code"] == "MO03")["links"]
            self.assertEqual([o["objective"] for o in mo03["objectives"]], [OWN[1]])
        finally:
            run(self.fx.binary, "collega-macro", "--db", self.db, "--ente", AMBITO, "--macro",
                "MO03", "--comune", "C_VALDORA", "--obiettivo", OWN[1], "--rimuovi")

    def test_district_evaluation_and_statistics(self):
        status, _, ev = self.call("GET", DISTRICT + "/evaluation", "ambito_responsabile")
        self.assertEqual(status, 200, ev)
        self.assertEqual(len(ev["rows"]), 4)
        self.assertEqual(sorted(r["type"] for r in ev["rows"]),
                         ["Specifico", "Specifico", "Strategico", "Strategico"])
        outcomes = [o for r in ev["rows"] for o in r["outcomes"]]
        self.assertIn({"description": "persone ricevute", "period": "2023", "value": "412",
                       "unit": "persone"}, outcomes)
        status, _, st = self.call("GET", DISTRICT + "/statistics", "ambito_amministratore")
        self.assertEqual(status, 200)
        self.assertIn("popolazione 65+ / popolazione 0-14 × 100",
                      [f["formula"] for f in st["formulas"]])
        self.assertEqual([a["key"] for a in st["aggregations"]],
                         ["simple_mean", "weighted_mean", "ratio_of_sums"])
        wrong = [k for k in st["checks"] if not k["agrees"]]
        self.assertEqual(len(wrong), 1)
        self.assertEqual((wrong[0]["subject"], wrong[0]["printed"]),
                         ("Quota popolazione 65+", "24"))
        cent = Decimal("0.01")
        self.assertIn(Decimal("25.42"), [Decimal(x["value"]).quantize(cent, ROUND_HALF_UP)
                                         for x in wrong[0]["computed"] if x["value"]])
        self.assertTrue(any((k["matched_rule"] or "").startswith("rapporto delle somme")
                            for k in st["checks"]))
        rows = [r for s in st["sections"] for b in s["blocks"] if b["kind"] == "table"
                for r in b["rows"]]
        district = [r["cells"][0] for r in rows if r["district"]]
        for label in ("Ambito – somma dei comuni", "Ambito – media semplice dei comuni",
                      "Ambito – media ponderata per popolazione",
                      "Ambito – rapporto delle somme"):
            self.assertIn(label, district)
        self.assertIn(["Borgoleto", "1.160,00", "454,00", "255,51", "255,50"],
                      [r["cells"][:5] for r in rows])
        self.assertTrue(any(v["origin"] == "base" and v["value"] for v in st["values"]))

    def test_district_reports(self):
        token = self.fx.tokens["ambito_lettore"]
        for kind, ctype, start in [("piano-di-zona", "application/pdf", b"%PDF-"),
                                   ("valutazione-esiti", "text/html; charset=utf-8", b""),
                                   ("statistiche-territoriali", "application/zip", b"PK")]:
            fmt = {"application/pdf": "pdf", "application/zip": "csv"}.get(ctype, "html")
            status, headers, body = self.server.call(
                "GET", f"{DISTRICT}/reports/{kind}?format={fmt}", token)
            self.assertEqual((status, headers["Content-Type"]), (200, ctype), kind)
            self.assertIn(f'filename="{kind}', headers["Content-Disposition"])
            self.assertTrue(body.startswith(start))
        _, _, html = self.server.call("GET", f"{DISTRICT}/reports/piano-di-zona?format=html",
                                      token)
        self.assertIn("Comune di Valdora: 2025_S01_02", html.decode())
        self.assertProblem(self.call("GET", f"{DISTRICT}/reports/piano-di-zona?format=docx",
                                     "ambito_lettore"), 400)
        self.assertProblem(self.call("GET", f"{DISTRICT}/reports/piano-di-zona",
                                     "ambito_lettore"), 400)
        # Another ente's user, an ente without a plan: 404 whatever the format.
        for who in ROLES:
            self.assertProblem(self.call("GET", f"{DISTRICT}/reports/piano-di-zona?format=pdf",
                                         who), 404)
        body = self.assertProblem(self.call("GET", ENTE + "/district/reports/piano-di-zona"
                                            "?format=pdf", "lettore"), 404)
        self.assertIn("non è un ambito", body["detail"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
