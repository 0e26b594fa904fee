#!/usr/bin/env python3
"""Renders a sample report (plain text as published) into HTML that LibreOffice converts to
DOCX/DOC/PDF. Ordinary lines become paragraphs; markdown pipe tables ("| a | b |") and the
multi-line pipe form ("| \\n text | \\n ... |||") become <table>s. A line of whitespace only
(an empty cell where the table is published one cell per line) becomes an empty paragraph. Spans are inferred only
where the text form shows them: a label cell followed by empty cells up to the end of the
row or up to the first number spans those columns (gridSpan), and an empty first-column cell
under a label continues that label downwards (vMerge).
usage: render.py sample.txt out.html [--no-borders]"""
import html, re, sys

NUM = re.compile(r'^[-+]?\d+(\.\d+)?(万元|元)?$')

def md_rows(block):
    rows = []
    for l in block:
        s = l.strip()
        if re.fullmatch(r'\|[-:| ]+\|', s):
            continue
        cells = [c.strip() for c in s.strip('|').split('|')]
        rows.append(cells)
    return rows

def multiline_rows(lines, i):
    """003-style: a row starts with a line '|', indented cell text ends with '|', a row may end
    with a line of pipes only; an unindented line that is not '|' ends the table."""
    rows, row, buf = [], [], []
    def end_row():
        nonlocal row, buf
        if buf:
            row.append(' '.join(buf)); buf = []
        if row:
            rows.append(row)
        row = []
    while i < len(lines):
        raw, s = lines[i], lines[i].strip()
        if s == '|':
            end_row()
        elif re.fullmatch(r'\|+', s):
            end_row()
        elif s and not raw[0].isspace():
            break
        elif s.endswith('|'):
            buf.append(s[:-1].strip()); row.append(' '.join(b for b in buf if b)); buf = []
        elif s:
            buf.append(s)
        i += 1
    end_row()
    return rows, i

def infer_spans(rows):
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [''] * (width - len(r)) for r in rows]
    grid = []  # each cell: [text, colspan, rowspan] or None (covered)
    for r in rows:
        filled = [k for k, x in enumerate(r) if x]
        lastc = filled[-1] if filled else -1
        out = []
        for c, t in enumerate(r):
            if c == lastc and not NUM.match(t) and c < width - 1:
                out.append([t, width - c, 1])
                out.extend([None] * (width - c - 1))
                break
            out.append([t, 1, 1])
        grid.append(out)
    # vertical: an empty first-column cell continues the label above it
    last = None
    for r in grid:
        cell = r[0]
        if cell is not None and cell[0] == '' and cell[1] == 1 and last is not None:
            last[2] += 1
            r[0] = None
        elif cell is not None:
            last = cell if cell[0] and not NUM.match(cell[0]) else None
    return grid

def table_html(grid, borders=True):
    if not grid:
        return ""
    out = ['<table border="1" cellspacing="0" cellpadding="2">' if borders else '<table border="0" cellspacing="0" cellpadding="2">']
    for r in grid:
        out.append('<tr>')
        for cell in r:
            if cell is None:
                continue
            t, cs, rs = cell
            attrs = (f' colspan="{cs}"' if cs > 1 else '') + (f' rowspan="{rs}"' if rs > 1 else '')
            if not borders:
                attrs += ' valign="top"'  # as Word lays out cells by default
            out.append(f'<td{attrs}>{html.escape(t)}</td>')
        out.append('</tr>')
    out.append('</table>')
    return ''.join(out)

def main():
    src, dst = sys.argv[1], sys.argv[2]
    borders = '--no-borders' not in sys.argv
    lines = open(src, encoding='utf-8').read().split('\n')
    body, i = [], 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith('|') and s.endswith('|') and len(s) > 2 and s.count('|') >= 3:
            block = []
            while i < len(lines) and lines[i].strip().startswith('|') and lines[i].strip().endswith('|') and len(lines[i].strip()) > 2:
                block.append(lines[i]); i += 1
            body.append(table_html(infer_spans(md_rows(block)), borders))
            continue
        if s == '|':
            rows, i = multiline_rows(lines, i)
            if rows:
                body.append(table_html(infer_spans(rows), borders))
            continue
        if s:
            body.append('<p>' + html.escape(lines[i].replace('\t', ' ').strip()) + '</p>')
        elif lines[i]:
            # A line of whitespace only ("\t") is an empty cell of a one-cell-per-line table as
            # published: it stays an empty paragraph (&nbsp;, as Word's own HTML keeps one),
            # while a truly empty line (between rows) is no paragraph.
            body.append('<p>&nbsp;</p>')
        i += 1
    border = '1px solid #000' if borders else 'none'
    css = ('body{font-family:"Noto Sans CJK SC";font-size:10.5pt} p{margin:0 0 3pt 0} '
           f'table{{border-collapse:collapse;width:100%}} td{{border:{border};padding:2pt;font-size:9pt}}')
    with open(dst, 'w', encoding='utf-8') as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><style>' + css + '</style></head><body>\n')
        f.write('\n'.join(body))
        f.write('\n</body></html>\n')

if __name__ == '__main__':
    main()
