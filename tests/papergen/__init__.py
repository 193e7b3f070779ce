"""papergen — a third, independent generator of Jiangsu 1+X declaration-adjustment requests, with truth.

Written from the SPEC and the office's notice only, without reading the product's reader or the other
generators, so the three corpora do not share blind spots. `python -m tests.papergen OUT_DIR --n N --seed S`
writes:

- `OUT_DIR/registry/schools.csv`, `applications.csv` — fourteen fictional Jiangsu schools and their
  declarations (columns of `examples/registry/`);
- `OUT_DIR/mail/NNNN.eml` — one request per file, subject `单位名称+2024年证书申报调整申请`, `Received:` and
  `Date:` inside 2024-03-01..03-20 (+08:00), attachments as PDF, JPEG or PNG, UTF-8/GB18030/GBK, base64/QP,
  RFC 2231 or encoded-word filenames;
- `OUT_DIR/truth.jsonl` — per message: file, message_id, seed (held-out when ≡ 0 mod 4), family, school,
  seal, approvals, changes, problems, plus defects, capture and pages for diagnosing misses.

Families (`families.FAMILIES`): letter_lines, boxed_form, approval_grid, vertical_form, numbered_list,
merged_header_table, word_pdf_plus_scan, landscape_annex, long_pdf_student_lists, phone_photo.

Run: `python -m tests.papergen OUT_DIR --n 40 --seed 1`, then score with `python -m bench.reading OUT_DIR`
(or `python -m bench.accuracy`, where papergen is registered). Tests: `pytest tests/papergen` (no product run).
Family i is `generate.family_of(i)`: every 20 messages show all families, every 40 give each family one
held-out message. Truth follows the SPEC: `seal` is true for any unit's official seal (a foreign or
department seal is `seal_mismatch`, never `no_seal`); a name stamp is a signature, a typed name is not.

Modules: `registry` (schools, declarations), `plan` (what a request says, and its truth), `wording` (how
schools phrase it), `drawing` (page, text, cells, handwriting, stamps, seals), `parts` (tables, approval
blocks, sign-off), `families` (layouts), `wordpdf` (text-layer PDF), `capture` (scan/photo, files), `mail`
(the message), `generate` (the corpus).
"""

from tests.papergen.generate import generate

__all__ = ["generate"]
