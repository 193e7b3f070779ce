"""formgen — an independent generator of request emails as Jiangsu schools send them, with truth.

Written without reading the product's reader or its own generator, so that the two do not share
blind spots. `python -m tests.formgen OUT_DIR --n N --seed S [--families a,b]` writes:

- `OUT_DIR/registry/schools.csv`, `applications.csv` — twelve fictional schools and their
  declarations, in the columns of `examples/registry/`;
- `OUT_DIR/mail/NNNN.eml` — one request per file, subject `单位名称+2024年证书申报调整申请`, `Date:`
  and `Received:` inside 2024-03-01..03-20 (+08:00), scans attached as PDF, JPEG or PNG;
- `OUT_DIR/truth.jsonl` — one object per message: `file`, `message_id`, `seed` (held-out when
  ≡ 0 mod 4), `family`, `school`, `seal`, `approvals` {department, leader}, `changes` [{certificate,
  field, from, to, application_id}], `problems` (sorted SPEC §2 codes), plus `defects`, `capture`
  and `pages` for reading misses.

Any corpus in this layout can be scored with `python -m bench.reading OUT_DIR`.

Modules: `registry` (schools, declarations), `plan` (what a request says, and its truth), `wording`
(how schools write it), `canvas`/`layout`/`ink` (pages, tables, seals, signatures), `parts` and
`families`/`multipage` (the layout families), `scan` (scanner and phone imperfections, files),
`mail` (the message), `generate` (the corpus).
"""
