#!/usr/bin/env python3
"""HTTP tests of the authoring forms of `traguardi serve` (issue 10, "Forms for every authoring
use case"): objectives, fasi, indicators, stato di attuazione, strutture and soggetti coinvolti,
CdR, persons, assessorati, aree. Every new page for every role; create and edit each kind (the
data checked through `traguardi export`, the actor through `traguardi audit list`); 400 with the
message next to the field; 403 for a responsabile outside their CdR and for a lettore with the
data unchanged; CSRF refusal; 409 on a stale edit keeping what the user typed.
Usage: forms_test.py TRAGUARDI_BINARY"""
import json
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from webtest import Client, Server, add_user, run  # noqa: E402

BIN = sys.argv.pop(1) if len(sys.argv) > 1 else "build/traguardi"
VISTA = "DUP_2025_2027"
OWN = f"/obiettivo/{VISTA}/2025_S01_01"    # CdR 01_S_2025: the responsabile's
OTHER = f"/obiettivo/{VISTA}/2025_S02_01"  # CdR 02_S_2025
ROLES = ["admin", "controllo", "resp", "lettore"]


class FormsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "forms.db")
        run(BIN, "demo", "--solo-comune", "--db", cls.db)
        add_user(BIN, cls.db, "admin", "amministratore")
        add_user(BIN, cls.db, "controllo", "controllo")
        add_user(BIN, cls.db, "resp", "responsabile", cdr="01_S_2025")
        add_user(BIN, cls.db, "lettore", "lettore")
        cls.server = Server(BIN, cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    # --- helpers -------------------------------------------------------------------------

    def signed_in(self, name):
        c = Client(self.server)
        self.assertEqual(c.login(name)[0], 303, f"login {name}")
        return c

    def plan(self):
        return json.loads(run(BIN, "export", "--db", self.db, "--ente", "C_VALDORA"))["enti"][0]

    def objective(self, code):
        return next(o for o in self.plan()["objectives"] if o["code"] == code)

    def audit(self):
        return json.loads(run(BIN, "audit", "list", "--db", self.db, "--json"))["entries"]

    def form(self, client, path):
        """GET a form; its hidden fields (csrf, ente, versione, orig_*) as a dict."""
        status, _, body = client.get(path)
        self.assertEqual(status, 200, path)
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
        return {k: html_unescape(v) for k, v in hidden.items()}

    def submit(self, client, path, **fields):
        """Loads the form, then posts what it showed with `fields` changed (as a browser would)."""
        data = self.form(client, path)
        for k, v in list(data.items()):
            if k.startswith("orig_"):
                data.setdefault(k[5:], v)
        data.update({k.replace("_", "-"): v for k, v in fields.items()})
        return client.post(path, data)

    # --- every page, every role ------------------------------------------------------------

    def test_every_new_page_for_every_role(self):
        objective_forms = ["/modifica", "/fase/nuova", "/fase/1/modifica", "/indicatore/nuovo",
                           "/indicatore/1/modifica", "/stato", "/struttura/nuova",
                           "/soggetto/nuovo", "/fase/1/sposta", "/fase/1/elimina",
                           "/indicatore/1/elimina"]
        lists = ["/organizzazione", "/organizzazione/cdr", "/organizzazione/persone",
                 "/organizzazione/assessorati", "/organizzazione/aree"]
        structure = ["/piano/nuovo", "/organizzazione/cdr/nuovo", "/organizzazione/cdr/01_S_2025",
                     "/organizzazione/persone/nuova", "/organizzazione/persone/MARINI%20ELENA",
                     "/organizzazione/assessorati/nuovo", "/organizzazione/assessorati/SINDACO",
                     "/organizzazione/aree/nuova", f"/organizzazione/aree/{VISTA}/1"]
        for name in ROLES:
            c = self.signed_in(name)
            for path in lists:
                status, _, body = c.get(path)
                self.assertEqual(status, 200, f"{name} {path}")
                self.assertIn('<html lang="it">', body)
            for path in objective_forms:
                own = c.get(OWN + path)
                other = c.get(OTHER + path)
                self.assertEqual(own[0], 403 if name == "lettore" else 200, f"{name} own {path}")
                self.assertEqual(other[0], 403 if name in ("resp", "lettore") else 200,
                                 f"{name} other {path}")
                if own[0] == 200:
                    self.assertIn('name="csrf"', own[2], path)
                    self.assertIn('<html lang="it">', own[2])
            for path in structure:
                status, _, body = c.get(path)
                self.assertEqual(status, 200 if name in ("admin", "controllo") else 403,
                                 f"{name} {path}")
                if status == 200:
                    self.assertIn('name="csrf"', body, path)
            self.assertEqual(c.get(OWN + "/elimina")[0],
                             200 if name in ("admin", "controllo") else 403, name)
            _, _, page = c.get(OWN)
            self.assertEqual("Modifica l&#39;obiettivo" in page, name != "lettore", name)
            _, _, page = c.get("/piano")
            self.assertEqual("/piano/nuovo" in page, name in ("admin", "controllo"), name)

    # --- create and edit each kind ---------------------------------------------------------

    def test_objective_created_and_edited_with_actor_in_audit(self):
        c = self.signed_in("controllo")
        status, headers, _ = self.submit(
            c, "/piano/nuovo", vista=VISTA, codice="2025_S01_90", livello="peg",
            collegato_a="DUP_01_1201_0101", anno="2025", descrizione_sintetica="Sportello unico",
            descrizione="Un nuovo sportello\nsu due righe", cdr="01_S_2025.1",
            responsabile="BIANCHI SARA", assessorato="WELFARE E SCUOLA", area="1",
            stato="In corso", motivo="richiesta della giunta")
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], f"/obiettivo/{VISTA}/2025_S01_90")
        o = self.objective("2025_S01_90")
        self.assertEqual((o["parent"], o["center"], o["responsible"], o["area"], o["year"]),
                         ("DUP_01_1201_0101", "01_S_2025.1", "BIANCHI SARA", 1, 2025))
        self.assertEqual(o["description"], "Un nuovo sportello\nsu due righe")
        entries = [e for e in self.audit() if e["target"] == f"{VISTA}/2025_S01_90"]
        self.assertTrue(entries)
        self.assertTrue(all(e["actor"] == "controllo" for e in entries))
        self.assertTrue(all(e["reason"] == "richiesta della giunta" for e in entries))
        # Edit: only what changed is written; an emptied field is cleared.
        path = f"/obiettivo/{VISTA}/2025_S01_90/modifica"
        status, _, _ = self.submit(c, path, descrizione_sintetica="Sportello unico digitale",
                                   stato="", direttore="MARINI ELENA")
        self.assertEqual(status, 303)
        o = self.objective("2025_S01_90")
        self.assertEqual((o["short_description"], o["state"], o["director"]),
                         ("Sportello unico digitale", "", "MARINI ELENA"))
        changed = [e["field"] for e in self.audit() if e["target"] == f"{VISTA}/2025_S01_90"
                   and e["action"] == "modifica obiettivo"]
        self.assertEqual(sorted(changed), ["descrizione-sintetica", "direttore", "stato"])

    def test_responsabile_edits_own_objective(self):
        c = self.signed_in("resp")
        status, _, _ = self.submit(c, f"/obiettivo/{VISTA}/2025_S01_02/modifica",
                                   modalita_attuazione="Con il terzo settore")
        self.assertEqual(status, 303)
        self.assertEqual(self.objective("2025_S01_02")["implementation"], "Con il terzo settore")
        last = self.audit()[-1]
        self.assertEqual((last["actor"], last["field"]), ("resp", "modalita-attuazione"))

    def test_fase_added_and_edited(self):
        c = self.signed_in("admin")
        base = f"/obiettivo/{VISTA}/2025_S01_03"
        before = len(self.objective("2025_S01_03")["phases"])
        status, headers, _ = self.submit(c, base + "/fase/nuova", descrizione="Collaudo",
                                         peso="5", inizio_previsto="01/02/2026",
                                         fine_prevista="28/02/2026", responsabile="CONTE LUCA")
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].endswith("#fasi"))
        phases = self.objective("2025_S01_03")["phases"]
        self.assertEqual(len(phases), before + 1)
        new = phases[-1]
        self.assertEqual((new["description"], new["weight"], new["planned_end"], new["responsible"]),
                         ("Collaudo", "5", "2026-02-28", "CONTE LUCA"))
        n = new["order"]
        status, _, _ = self.submit(c, f"{base}/fase/{n}/modifica", peso="7,5",
                                   fine_prevista="15/03/2026", note="spostata")
        self.assertEqual(status, 303)
        edited = self.objective("2025_S01_03")["phases"][-1]
        self.assertEqual((edited["weight"], edited["planned_end"], edited["note"]),
                         ("7.5", "2026-03-15", "spostata"))
        self.assertEqual(edited["version"], new["version"] + 1)

    def test_indicator_added_and_edited(self):
        c = self.signed_in("controllo")
        base = f"/obiettivo/{VISTA}/2025_S01_04"
        status, _, _ = self.submit(c, base + "/indicatore/nuovo", descrizione="Tempo medio (giorni)",
                                   tipo="efficienza", scala="numero", direzione="decrescente",
                                   atteso="30")
        self.assertEqual(status, 303)
        ind = self.objective("2025_S01_04")["indicators"][-1]
        self.assertEqual((ind["description"], ind["type"], ind["polarity"], ind["target"]),
                         ("Tempo medio (giorni)", "efficienza", "lower_is_better", "30"))
        status, _, _ = self.submit(c, f"{base}/indicatore/{ind['order']}/modifica",
                                   scala="percentuale", atteso="80", raggiunto="82,5")
        self.assertEqual(status, 303)
        ind = self.objective("2025_S01_04")["indicators"][-1]
        self.assertEqual((ind["scale"], ind["target"], ind["actual"]), ("percent", "80", "82.5"))
        _, _, page = c.get(base)
        self.assertIn("Tempo medio (giorni)", page)

    def test_status_and_involved(self):
        c = self.signed_in("resp")
        base = f"/obiettivo/{VISTA}/2025_S01_05"
        status, _, _ = self.submit(c, base + "/stato", anno="2026", al="30/06/2026",
                                   testo="A metà anno il servizio è avviato.")
        self.assertEqual(status, 303)
        status, _, _ = self.submit(c, base + "/struttura/nuova", descrizione="Servizio sociale",
                                   relazione="Programma", missione="12", programma="01", quota="40")
        self.assertEqual(status, 303)
        status, _, _ = self.submit(c, base + "/soggetto/nuovo", persona="BIANCHI SARA",
                                   relazione="Referente", impegno="20")
        self.assertEqual(status, 303)
        o = self.objective("2025_S01_05")
        self.assertIn({"year": 2026, "as_of": "2026-06-30",
                       "text": "A metà anno il servizio è avviato."}, o["status"])
        self.assertEqual(o["structures"][-1]["description"], "Servizio sociale")
        self.assertEqual(o["structures"][-1]["share_pct"], "40")
        self.assertEqual(o["people"][-1]["person"], "BIANCHI SARA")
        # The same year and date: the text is replaced, shown first in the form.
        form = self.form(c, base + "/stato?anno=2026&al=30%2F06%2F2026")
        self.assertEqual(form["orig_testo"], "A metà anno il servizio è avviato.")
        self.assertEqual(self.submit(c, base + "/stato?anno=2026&al=30%2F06%2F2026",
                                     testo="Avviato e a regime.")[0], 303)
        texts = [s["text"] for s in self.objective("2025_S01_05")["status"] if s["year"] == 2026]
        self.assertEqual(texts, ["Avviato e a regime."])

    def test_long_narrative_through_the_form_as_a_browser_posts_it(self):
        """A stato di attuazione of 12,000 characters with accents travels twice (value and
        original); url-encoded that is about 70 KB, which Debian's cpp-httplib refuses (8 KB,
        compiled in). The forms post multipart, so it is stored whole."""
        c = self.signed_in("controllo")
        base = f"/obiettivo/{VISTA}/2025_S01_03"
        _, _, page = c.get(base + "/stato")
        self.assertIn('enctype="multipart/form-data"', page)
        text = ("L'attività è proseguita: più servizi, perché la città è cresciuta. " * 200)[:12000]
        data = self.form(c, base + "/stato")
        for k, v in list(data.items()):
            if k.startswith("orig_"):
                data.setdefault(k[5:], v)
        data.update({"anno": "2026", "al": "30/09/2026", "testo": text})
        status, _, _ = c.multipart(base + "/stato", data)
        self.assertEqual(status, 303)
        stored = [s["text"] for s in self.objective("2025_S01_03")["status"]
                  if s["as_of"] == "2026-09-30"]
        self.assertEqual(stored, [text.strip()])
        # The same form re-opened carries the long text back, and an edit of it is stored too.
        form = self.form(c, base + "/stato?anno=2026&al=30%2F09%2F2026")
        self.assertEqual(form["orig_testo"], text.strip())
        form.update({"testo": text.strip() + " Fine.", "anno": "2026", "al": "30/09/2026"})
        self.assertEqual(c.multipart(base + "/stato?anno=2026&al=30%2F09%2F2026", form)[0], 303)
        stored = [s["text"] for s in self.objective("2025_S01_03")["status"]
                  if s["as_of"] == "2026-09-30"]
        self.assertEqual(stored, [text.strip() + " Fine."])

    def test_organisation_created_and_edited(self):
        c = self.signed_in("admin")
        self.assertEqual(self.submit(c, "/organizzazione/persone/nuova", nome="VERDI LUCIA",
                                     nome_utente="lverdi")[0], 303)
        self.assertEqual(self.submit(c, "/organizzazione/cdr/nuovo", codice="01_S_2025.3",
                                     nome="SERVIZIO GIOVANI", padre="01_S_2025",
                                     responsabile="VERDI LUCIA", tipo="SERVIZIO")[0], 303)
        self.assertEqual(self.submit(c, "/organizzazione/cdr/01_S_2025.3",
                                     nome_breve="Giovani", sigla_peg="S01G")[0], 303)
        self.assertEqual(self.submit(c, "/organizzazione/persone/VERDI%20LUCIA",
                                     nome="VERDI LUCIA MARIA")[0], 303)
        self.assertEqual(self.submit(c, "/organizzazione/assessorati/nuovo",
                                     descrizione="Giovani e sport", deleghe="Politiche giovanili")[0],
                         303)
        self.assertEqual(self.submit(c, "/organizzazione/aree/nuova", vista=VISTA, numero="5",
                                     descrizione="5. VALDORA GIOVANE")[0], 303)
        self.assertEqual(self.submit(c, f"/organizzazione/aree/{VISTA}/5",
                                     descrizione="5. VALDORA DEI GIOVANI")[0], 303)
        p = self.plan()
        center = next(x for x in p["centers"] if x["code"] == "01_S_2025.3")
        self.assertEqual((center["name"], center["parent"], center["head"], center["short_name"],
                          center["peg_sigla"]),
                         ("SERVIZIO GIOVANI", "01_S_2025", "VERDI LUCIA", "Giovani", "S01G"))
        person = next(x for x in p["persons"] if x["key"] == "VERDI LUCIA")
        self.assertEqual((person["name"], person["username"]), ("VERDI LUCIA MARIA", "lverdi"))
        self.assertTrue(any(a["description"] == "Giovani e sport" for a in p["assessorati"]))
        self.assertIn({"vista": VISTA, "number": 5, "description": "5. VALDORA DEI GIOVANI"},
                      p["areas"])
        _, _, listing = c.get("/organizzazione/cdr")
        self.assertIn("SERVIZIO GIOVANI", listing)
        self.assertTrue(all(e["actor"] == "admin" for e in self.audit()
                            if "VERDI" in e["target"] or "01_S_2025.3" in e["target"]))

    # --- refusals -----------------------------------------------------------------------------

    def test_invalid_values_next_to_the_field(self):
        c = self.signed_in("controllo")
        snapshot = self.plan()
        cases = [
            (OWN + "/modifica", {"anno": "duemila"}, "anno", "numero"),
            (OWN + "/modifica", {"descrizione_sintetica": "x" * 130}, "descrizione-sintetica",
             "120 caratteri"),
            (OWN + "/fase/1/modifica", {"peso": "150"}, "peso", "100"),
            (OWN + "/fase/1/modifica", {"fine_prevista": "31/13/2025"}, "fine-prevista", ""),
            (OWN + "/fase/nuova", {"descrizione": "X", "inizio_previsto": "01/05/2026",
                                   "fine_prevista": "01/04/2026"}, "fine-prevista", ""),
            (OWN + "/indicatore/1/modifica", {"atteso": "dodici"}, "atteso", "numero"),
            (OWN + "/stato", {"anno": "", "al": "", "testo": "x"}, "anno", "anno"),
            (OWN + "/struttura/nuova", {"descrizione": "X", "missione": "99", "programma": "99"},
             "programma", "programma"),
            ("/organizzazione/cdr/01_S_2025", {"nome_breve": "x" * 31}, "nome-breve", "30"),
            ("/organizzazione/cdr/nuovo", {"codice": "con spazi"}, "codice", "codice"),
            ("/piano/nuovo", {"vista": VISTA, "codice": "2025_S01_91", "cdr": "NESSUNO"}, "cdr", ""),
        ]
        for path, fields, field, words in cases:
            status, _, body = self.submit(c, path, **fields)
            self.assertEqual(status, 400, f"{path} {fields}")
            self.assertIn(f'id="e-{field}"', body, path)
            self.assertRegex(body, rf'aria-describedby="[^"]*e-{field}"', path)
            self.assertRegex(body, rf'class="form-control is-invalid" id="f-{field}"|'
                                   rf'id="f-{field}" name="{field}" class=" is-invalid"', path)
            error = re.search(rf'<div id="e-{field}" class="invalid-feedback d-block">([^<]*)</div>',
                              body).group(1)
            self.assertIn(words, error, path)
            for v in fields.values():  # what was typed stays in the form
                if v and len(v) < 60:
                    self.assertIn(v, body, path)
        self.assertEqual(self.plan(), snapshot)

    def test_responsabile_and_lettore_refused_nothing_changed(self):
        snapshot = self.plan()
        resp, lettore = self.signed_in("resp"), self.signed_in("lettore")
        refused = [
            (resp, OTHER + "/modifica", {"descrizione_sintetica": "presa"}),
            (resp, OTHER + "/fase/nuova", {"descrizione": "intrusa"}),
            (resp, OTHER + "/fase/1/modifica", {"peso": "1"}),
            (resp, OTHER + "/indicatore/nuovo", {"descrizione": "intruso"}),
            (resp, OTHER + "/stato", {"anno": "2025", "testo": "no"}),
            (resp, OTHER + "/struttura/nuova", {"descrizione": "no"}),
            (resp, "/piano/nuovo", {"vista": VISTA, "codice": "2025_S01_99"}),
            (resp, "/organizzazione/cdr/nuovo", {"codice": "X1", "nome": "X"}),
            (resp, "/organizzazione/persone/MARINI%20ELENA", {"nome": "ALTRA"}),
            (resp, "/organizzazione/aree/nuova", {"vista": VISTA, "numero": "9"}),
            (lettore, OWN + "/modifica", {"descrizione_sintetica": "letta"}),
            (lettore, OWN + "/fase/nuova", {"descrizione": "letta"}),
            (lettore, OWN + "/indicatore/1/modifica", {"atteso": "1"}),
            (lettore, OWN + "/soggetto/nuovo", {"persona": "MARINI ELENA"}),
            (lettore, "/organizzazione/assessorati/nuovo", {"descrizione": "Nuovo"}),
        ]
        for client, path, fields in refused:
            client.get("/")  # a fresh CSRF token of the session
            data = {k.replace("_", "-"): v for k, v in fields.items()}
            data["versione"] = "999999"
            status, _, body = client.post(path, data)
            self.assertEqual(status, 403, f"{path} {fields}")
            self.assertIn("Nessuna modifica è stata salvata", body)
        # Structure of their own objective, or handing it to another CdR: refused too, even
        # from a form loaded as it should be.
        for fields in [{"livello": "programma"}, {"collegato_a": "DUP_02_0901_0301"},
                       {"cdr": "02_S_2025"}]:
            status, _, body = self.submit(resp, OWN + "/modifica", **fields)
            self.assertEqual(status, 403, fields)
            self.assertIn("Nessuna modifica è stata salvata", body)
        # The responsabile's form shows livello and collegato a but does not let them change.
        _, _, body = resp.get(OWN + "/modifica")
        self.assertRegex(body, r'<select id="f-livello" name="livello"[^>]* disabled')
        cdr_select = re.search(r'<select id="f-cdr".*?</select>', body).group(0)
        self.assertIn('<option value="01_S_2025.1"', cdr_select)
        self.assertNotIn('<option value="02_S_2025"', cdr_select)
        self.assertEqual(self.plan(), snapshot)

    def test_csrf_refused(self):
        c = self.signed_in("admin")
        snapshot = self.plan()
        data = self.form(c, OWN + "/modifica")
        data["descrizione-sintetica"] = "senza token"
        for token in ["0" * 64, None]:
            body = dict(data)
            if token is None:
                body.pop("csrf")
            else:
                body["csrf"] = token
            status, _, text = c.post(OWN + "/modifica", body, csrf=False)
            self.assertEqual(status, 403)
            self.assertIn("CSRF", text)
        status, _, _ = c.post("/organizzazione/persone/nuova", {"nome": "SENZA TOKEN",
                                                                "csrf": "f" * 64}, csrf=False)
        self.assertEqual(status, 403)
        self.assertEqual(self.plan(), snapshot)

    def test_stale_edits_are_409_keeping_typed_values(self):
        a, b = self.signed_in("controllo"), self.signed_in("admin")
        path = f"/obiettivo/{VISTA}/2025_S01_06/modifica"
        loaded = self.form(a, path)
        self.assertEqual(self.submit(b, path, stato="Sospeso")[0], 303)
        data = as_typed(loaded, tipo="Strategico (scritto da A)")
        status, _, body = a.post(path, data)
        self.assertEqual(status, 409)
        self.assertIn("Cosa è cambiato nel frattempo", body)
        self.assertIn("Sospeso", body)
        self.assertIn('value="Strategico (scritto da A)"', body)
        o = self.objective("2025_S01_06")
        self.assertEqual((o["state"], o["objective_type"]), ("Sospeso", "Gestionale"))
        # Sending again the form the 409 page returned saves, on the current version.
        again = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
        self.assertEqual(int(again["versione"]), o["version"])
        data.update(versione=again["versione"], **{"orig_stato": "Sospeso", "stato": "Sospeso"})
        self.assertEqual(a.post(path, data)[0], 303)
        self.assertEqual(self.objective("2025_S01_06")["objective_type"], "Strategico (scritto da A)")

        # A fase definition and a CdR (which has no version: its shown values are compared).
        fase = f"/obiettivo/{VISTA}/2025_S01_06/fase/1/modifica"
        loaded = self.form(a, fase)
        self.assertEqual(self.submit(b, fase, descrizione="Riscritta da B")[0], 303)
        data = as_typed(loaded, peso="11")
        status, _, body = a.post(fase, data)
        self.assertEqual(status, 409)
        self.assertIn("Riscritta da B", body)
        self.assertIn('value="11"', body)
        cdr = "/organizzazione/cdr/02_S_2025.1"
        loaded = self.form(a, cdr)
        self.assertEqual(self.submit(b, cdr, nome="SERVIZIO AMBIENTE E VERDE")[0], 303)
        data = as_typed(loaded, **{"nome-breve": "Ambiente"})
        status, _, body = a.post(cdr, data)
        self.assertEqual(status, 409)
        self.assertIn("SERVIZIO AMBIENTE E VERDE", body)
        self.assertIn('value="Ambiente"', body)
        center = next(x for x in self.plan()["centers"] if x["code"] == "02_S_2025.1")
        self.assertEqual((center["name"], center["short_name"]),
                         ("SERVIZIO AMBIENTE E VERDE", loaded["orig_nome-breve"]))

    def test_delete_and_move(self):
        c = self.signed_in("controllo")
        base = f"/obiettivo/{VISTA}/2025_S03_02"
        phases = self.objective("2025_S03_02")["phases"]
        first, n = phases[0]["description"], len(phases)
        self.assertGreaterEqual(n, 3)
        self.assertEqual(self.submit(c, base + "/fase/1/sposta", posizione=str(n))[0], 303)
        self.assertEqual(self.objective("2025_S03_02")["phases"][-1]["description"], first)
        status, _, body = self.submit(c, base + "/fase/1/sposta", posizione="99")
        self.assertEqual(status, 400)
        self.assertIn('id="e-posizione"', body)
        self.assertEqual(self.submit(c, base + "/fase/1/elimina")[0], 303)
        self.assertEqual(len(self.objective("2025_S03_02")["phases"]), n - 1)
        indicators = len(self.objective("2025_S03_02")["indicators"])
        self.assertEqual(self.submit(c, base + "/indicatore/1/elimina")[0], 303)
        self.assertEqual(len(self.objective("2025_S03_02")["indicators"]), indicators - 1)
        # A programma with linked objectives: refused unless asked, with the reason shown.
        parent = f"/obiettivo/{VISTA}/DUP_04_0101_0801/elimina"
        status, _, body = self.submit(c, parent)
        self.assertEqual(status, 400)
        self.assertIn("obiettivi collegati", body)
        self.assertEqual(self.submit(c, f"/obiettivo/{VISTA}/2025_S03_03/elimina")[0], 303)
        codes = [o["code"] for o in self.plan()["objectives"]]
        self.assertNotIn("2025_S03_03", codes)
        self.assertIn("DUP_04_0101_0801", codes)
        self.assertEqual(self.audit()[-1]["actor"], "controllo")
        # Refusals: deleting an objective is structure; another CdR; a lettore.
        snapshot = self.plan()
        resp, lettore = self.signed_in("resp"), self.signed_in("lettore")
        for client, path in [(resp, OWN + "/elimina"), (resp, OTHER + "/fase/1/elimina"),
                             (resp, OTHER + "/fase/1/sposta"), (resp, OTHER + "/indicatore/1/elimina"),
                             (lettore, OWN + "/fase/1/elimina"), (lettore, OWN + "/elimina")]:
            client.get("/")
            self.assertEqual(client.post(path, {"versione": "1", "posizione": "2"})[0], 403, path)
            self.assertEqual(client.get(path)[0], 403, path)
        self.assertEqual(self.plan(), snapshot)
        # A fase changed after the confirmation page was loaded: 409, nothing deleted.
        a, b = self.signed_in("admin"), self.signed_in("controllo")
        loaded = self.form(a, f"/obiettivo/{VISTA}/2025_S03_04/fase/1/elimina")
        self.assertEqual(self.submit(b, f"/obiettivo/{VISTA}/2025_S03_04/fase/1/modifica",
                                     note="cambiata")[0], 303)
        status, _, body = a.post(f"/obiettivo/{VISTA}/2025_S03_04/fase/1/elimina", loaded)
        self.assertEqual(status, 409)
        self.assertEqual(self.objective("2025_S03_04")["phases"][0]["note"], "cambiata")

    def test_involved_removed_with_audit(self):
        c = self.signed_in("resp")
        code = "2025_S01_06"
        base = f"/obiettivo/{VISTA}/{code}"
        for d in ("Da tenere", "Da togliere"):
            self.assertEqual(self.submit(c, base + "/struttura/nuova", descrizione=d)[0], 303)
        self.assertEqual(self.submit(c, base + "/soggetto/nuovo", persona="BIANCHI SARA")[0], 303)
        before = self.objective(code)
        n, people = len(before["structures"]), len(before["people"])
        # The add forms list each entry with a link to its removal.
        _, _, page = c.get(base + "/struttura/nuova")
        self.assertIn(f'href="{base}/struttura/{n}/rimuovi"', page)
        _, _, page = c.get(base + "/soggetto/nuovo")
        self.assertIn(f'href="{base}/soggetto/{people}/rimuovi"', page)
        status, _, page = c.get(base + f"/struttura/{n}/rimuovi")
        self.assertEqual(status, 200)
        self.assertIn("Da togliere", page)
        self.assertEqual(self.submit(c, base + f"/struttura/{n}/rimuovi")[0], 303)
        self.assertEqual(self.submit(c, base + f"/soggetto/{people}/rimuovi")[0], 303)
        after = self.objective(code)
        self.assertEqual([s["description"] for s in after["structures"]],
                         [s["description"] for s in before["structures"]][:-1])
        self.assertEqual(len(after["people"]), people - 1)
        entries = self.audit()[-2:]
        self.assertEqual([(e["action"], e["before"], e["actor"]) for e in entries],
                         [("rimozione struttura coinvolta", "Da togliere", "resp"),
                          ("rimozione soggetto coinvolto", "BIANCHI SARA", "resp")])
        # No such entry: 404; another CdR or a lettore: 403; a stale page: 409; nothing changed.
        self.assertEqual(c.get(base + f"/struttura/{n + 5}/rimuovi")[0], 404)
        admin = self.signed_in("admin")
        self.assertEqual(self.submit(admin, OTHER + "/struttura/nuova", descrizione="Altrui")[0],
                         303)
        snapshot = self.plan()
        lettore = self.signed_in("lettore")
        for client, path in [(c, OTHER + "/struttura/1/rimuovi"),
                             (lettore, base + "/struttura/1/rimuovi")]:
            client.get("/")
            self.assertEqual(client.get(path)[0], 403, path)
            self.assertEqual(client.post(path, {"versione": "1"})[0], 403, path)
        loaded = self.form(c, base + "/struttura/1/rimuovi")
        self.assertEqual(self.submit(c, base + "/struttura/nuova", descrizione="Nuova")[0], 303)
        self.assertEqual(c.post(base + "/struttura/1/rimuovi", loaded)[0], 409)
        self.assertEqual([s["description"] for s in self.objective(code)["structures"]][:-1],
                         [s["description"] for s in snapshot["objectives"][
                             [o["code"] for o in snapshot["objectives"]].index(code)]
                          ["structures"]])

    def test_duplicates_answer_409_next_to_the_key(self):
        c = self.signed_in("admin")
        snapshot = self.plan()
        status, _, body = self.submit(c, "/organizzazione/cdr/nuovo", codice="01_S_2025",
                                      nome="Doppione")
        self.assertEqual(status, 409)
        self.assertIn('id="e-codice"', body)
        self.assertIn("esiste già", body)
        status, _, body = self.submit(c, "/piano/nuovo", vista=VISTA, codice="2025_S01_01")
        self.assertEqual(status, 409)
        self.assertIn('id="e-codice"', body)
        self.assertEqual(self.plan(), snapshot)


def as_typed(hidden, **typed):
    """A form as loaded (its hidden fields), submitted with the shown values and `typed`."""
    data = dict(hidden)
    data.update({k[5:]: v for k, v in hidden.items() if k.startswith("orig_")})
    data.update(typed)
    return data


def html_unescape(text):
    return (text.replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
