#!/usr/bin/env python3
"""HTTP tests of the Piano di Zona pages (issue 12) on the demo database, which holds the comune
of Valdora and the ambito of the Val d'Ora: every role of the ambito reads the plan with the
linked PEG objectives and their mean, the evaluation table and the statistics with formulas,
aggregation labels and the printed-vs-computed disagreement; the three reports download in four
formats; the navigation links the pages only for an ambito; users of another ente get 403.
Usage: district_test.py TRAGUARDI_BINARY"""
import io
import os
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from webtest import Client, Server, add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
ROLES = {"amb-admin": "amministratore", "amb-controllo": "controllo",
         "amb-resp": "responsabile", "amb-lettore": "lettore"}
PAGES = ["/distretto", "/distretto/valutazione", "/distretto/statistiche"]


class DistrictWebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "web.db")
        out = run(BIN, "demo", "--db", cls.db)
        assert "A_VALDORA" in out, out
        for name, role in ROLES.items():  # the ambito's responsabile: the Ufficio di Piano
            add_user(BIN, cls.db, name, role, ente="A_VALDORA",
                     cdr="UDP_2024" if role == "responsabile" else "")
        add_user(BIN, cls.db, "comune", "amministratore", ente="C_VALDORA")
        add_user(BIN, cls.db, "nazionale", "amministratore", ente="")
        cls.server = Server(BIN, cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def signed_in(self, name):
        c = Client(self.server)
        self.assertEqual(c.login(name)[0], 303, f"login {name}")
        return c

    def test_every_role_of_the_ambito_reads_every_page(self):
        for name in ROLES:
            c = self.signed_in(name)
            for path in PAGES:
                status, _, body = c.get(path)
                self.assertEqual(status, 200, f"{name} {path}")
                self.assertIn("Ambito sociale della Val d&#39;Ora", body)
                self.assertIn('href="/distretto" aria-current="page"', body)  # navigation
                self.assertIn("<script src=\"/static/bootstrap-italia/js/", body)
                self.assertNotIn("<script>", body)  # no inline script (CSP)

    def test_plan_page_shows_ambito_governance_areas_and_links(self):
        _, _, body = self.signed_in("amb-lettore").get("/distretto")
        for text in ["Piano di Zona dell&#39;ambito della Val d&#39;Ora 2024-2026",
                     "Comune capofila</dt><dd class=\"col-sm-8 col-lg-9\">Valdora",
                     "Castelquieto", "Assemblea dei sindaci", "Ufficio di Piano",
                     "Area 1 – Inclusione sociale", "Area 3 – Anziani e fragilità",
                     "MO01 SPORTELLO SOCIALE UNICO DI VALLE", "Anche nelle aree:",
                     "Fondo di garanzia per gli affitti", "Uniformità delle regole di accesso"]:
            self.assertIn(text, body)
        # MO01 sits in two areas: printed in both.
        self.assertEqual(body.count("MO01 SPORTELLO SOCIALE UNICO DI VALLE"), 2)
        # Linked PEG objectives of member comuni, with their figures and the named mean.
        self.assertIn("Comune di Valdora</td><th scope=\"row\">2025_S01_02</th>", body)
        self.assertIn("Comune di Roccamonte</td><th scope=\"row\">2025_S01_01</th>", body)
        self.assertIn("Media semplice (avanzamento su 2 obiettivi, raggiungimento su 2) – "
                      "comuni: Comune di Pievelunga, Comune di Valdora", body)
        self.assertIn("75,3%", body)    # mean progress of MO04: (86,5 + 64,0) / 2
        self.assertIn("98,44%", body)   # its mean achievement
        self.assertIn("Nessun obiettivo di PEG dei comuni collegato", body)  # MO03

    def test_link_figures_follow_the_comune_plan(self):
        """A link made with collega-macro appears on the page with its comune named."""
        run(BIN, "collega-macro", "--db", self.db, "--ente", "A_VALDORA", "--macro", "MO03",
            "--comune", "C_VALDORA", "--obiettivo", "2025_S01_01")
        try:
            _, _, body = self.signed_in("amb-controllo").get("/distretto")
            self.assertIn("Media semplice (avanzamento su 1 obiettivi, raggiungimento su 1) – "
                          "comuni: Comune di Valdora", body)
        finally:
            run(BIN, "collega-macro", "--db", self.db, "--ente", "A_VALDORA", "--macro", "MO03",
                "--comune", "C_VALDORA", "--obiettivo", "2025_S01_01", "--rimuovi")

    def test_evaluation_table(self):
        _, _, body = self.signed_in("amb-resp").get("/distretto/valutazione")
        self.assertIn("4 obiettivi valutati del piano precedente (2 strategici, 2 specifici)", body)
        for text in ["SEGRETARIATO SOCIALE DI VALLE", "Borse lavoro", "Trasporti sociali",
                     "Indicatori di esito e valutazione", "Tempistica", "Gennaio 2021/dicembre 2023",
                     "Fondo nazionale politiche sociali", "persone ricevute (2023): 412,00 persone",
                     "famiglie affidatarie (2023): 14,00 famiglie"]:
            self.assertIn(text, body)
        self.assertEqual(body.count("<caption>Valutazione degli esiti – "), 3)  # one per area

    def test_statistics_with_formulas_aggregations_and_disagreement(self):
        _, _, body = self.signed_in("amb-admin").get("/distretto/statistiche")
        # Formulas, shown once in the legend and on every computed row.
        self.assertIn("popolazione 65+ / popolazione 0-14 × 100", body)
        self.assertIn("(popolazione 0-14 + popolazione 65+) / popolazione 15-64 × 100", body)
        # Per-comune values and district rows labelled with their aggregation.
        self.assertIn("<th scope=\"row\">Borgoleto</th><td>1.160,00</td><td>454,00</td>"
                      "<td>255,51</td><td>255,50</td>", body)
        self.assertIn("Ambito – somma dei comuni", body)
        self.assertIn("Ambito – media semplice dei comuni", body)
        self.assertIn("Ambito – media ponderata per popolazione", body)
        self.assertIn("Ambito – rapporto delle somme</th><td></td><td></td><td>189,59", body)
        # The printed figure no rule reproduces: both numbers and the verdict.
        self.assertIn("1 discordanti", body)
        self.assertIn("<th scope=\"row\">Quota popolazione 65+</th>", body)
        self.assertIn("<td>24,00</td>", body)
        self.assertIn("25,42</strong>", body)
        self.assertIn("tg-alert-text\">discordante</strong>", body)
        # The agreeing one names its rule.
        self.assertIn("<strong>concorda</strong>: rapporto delle somme", body)

    def test_downloads_in_four_formats(self):
        c = self.signed_in("amb-lettore")
        for kind, text in [("piano-di-zona", b"PIANO DI ZONA"),
                           ("valutazione-esiti", b"VALUTAZIONE"),
                           ("statistiche-territoriali", b"STATISTICHE TERRITORIALI")]:
            status, headers, body = c.get(f"/distretto/{kind}.pdf")
            self.assertEqual(status, 200, kind)
            self.assertEqual(headers["Content-Type"], "application/pdf")
            self.assertTrue(body.startswith(b"%PDF-"))
            status, headers, body = c.get(f"/distretto/{kind}.html")
            self.assertEqual(status, 200)
            self.assertIn(f'filename="{kind}.html"', headers["Content-Disposition"])
            self.assertIn(text.decode(), body)
            status, headers, body = c.get(f"/distretto/{kind}.xlsx")
            self.assertEqual(status, 200)
            self.assertTrue(zipfile.ZipFile(io.BytesIO(body)).namelist())
            status, headers, body = c.get(f"/distretto/{kind}.csv")
            self.assertEqual(status, 200)
            self.assertEqual(headers["Content-Type"], "application/zip")
            names = zipfile.ZipFile(io.BytesIO(body)).namelist()
            self.assertTrue(all(n.endswith(".csv") for n in names), names)
        _, _, body = c.get("/distretto/piano-di-zona.html")
        self.assertIn("Comune di Valdora: 2025_S01_02", body)
        self.assertEqual(c.get("/distretto/piano-di-zona.docx")[0], 404)

    def test_other_ente_refused_with_403(self):
        c = self.signed_in("comune")
        for path in PAGES + ["/distretto/piano-di-zona.pdf", "/distretto/statistiche-territoriali.csv"]:
            for ente in ["A_VALDORA", "NON_ESISTE"]:
                status, _, body = c.get(path + "?ente=" + ente)
                self.assertEqual(status, 403, f"{path} {ente}")
                self.assertNotIn("SPORTELLO", str(body))
                self.assertNotIn("Castelquieto", str(body))
        # The comune's own ente has no Piano di Zona: not found, and no navigation link.
        status, _, body = c.get("/distretto")
        self.assertEqual(status, 404)
        self.assertIn("non è un ambito", body)
        _, _, home = c.get("/")
        self.assertNotIn('href="/distretto', home)
        # An ambito user does not reach the comune's plan either.
        a = self.signed_in("amb-lettore")
        self.assertEqual(a.get("/distretto?ente=C_VALDORA")[0], 403)
        self.assertEqual(a.get("/piano?ente=C_VALDORA")[0], 404)

    def test_ambito_dashboard_and_national_user(self):
        _, _, home = self.signed_in("amb-lettore").get("/")
        self.assertIn('<a class="nav-link" href="/distretto">Piano di Zona</a>', home)
        self.assertIn("nel <a href=\"/distretto\">Piano di Zona</a>", home)
        # The ambito has no objectives of its own: its plan list says where its plan is and
        # offers no download of an empty list (each answered 400 before).
        _, _, plan = self.signed_in("amb-lettore").get("/piano")
        self.assertIn("Nessun obiettivo trovato: nessun elenco da scaricare. Il piano "
                      "dell'ambito sociale è nel <a href=\"/distretto\">Piano di Zona</a>.",
                      plan)
        self.assertNotIn("/piano/elenco.", plan)
        n = self.signed_in("nazionale")
        status, _, body = n.get("/distretto?ente=A_VALDORA")
        self.assertEqual(status, 200)
        self.assertIn('href="/distretto/statistiche?ente=A_VALDORA"', body)
        self.assertIn('href="/distretto/piano-di-zona.pdf?ente=A_VALDORA"', body)
        self.assertEqual(n.get("/distretto?ente=C_VALDORA")[0], 404)
        self.assertEqual(n.get("/distretto?ente=NON_ESISTE")[0], 404)

    def test_anonymous_is_sent_to_login(self):
        for path in PAGES + ["/distretto/piano-di-zona.pdf"]:
            status, headers, _ = Client(self.server).get(path)
            self.assertEqual(status, 303)
            self.assertTrue(headers["Location"].startswith("/accesso"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
