#!/usr/bin/env python3
"""Writes the vCard sample files of tests/data/vcard, one per pitfall of FORMATS.md.

The files are committed; this script documents how the byte-exact ones (UTF-16, windows-1252,
CRLF versus LF, photos) were made. Run it from this folder to regenerate them.
The expected values live in tests/test_vcard_reader.cpp, field by field.
"""
import base64

# Tiny "images": only their magic bytes matter to the reader; tests compare bytes exactly.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(40))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
       b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
BMP = b"BM" + bytes(range(2, 40))


def b64(data):
    return base64.b64encode(data).decode()


def chunks(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


def write(name, text, encoding="utf-8", crlf=True):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(name, "wb") as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)


for name, data in [("photo_jpeg.bin", JPEG), ("photo_png.bin", PNG), ("photo_gif.bin", GIF),
                   ("photo_webp.bin", WEBP), ("photo_bmp.bin", BMP)]:
    with open(name, "wb") as f:
        f.write(data)

# vCard 2.1: quoted-printable with soft breaks and =0D=0A, CHARSET, bare parameters,
# RFC 822 folding (whitespace kept), legacy bytes without CHARSET.
v21 = (
    "BEGIN:VCARD\n"
    "VERSION:2.1\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Dr.;\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dr. J=C3=BCrgen M=C3=BCller\n"
    "TEL;WORK;VOICE:+49 30 1234567\n"
    "TEL;CELL:+49 170 7654321\n"
    "EMAIL;PREF;INTERNET:juergen@example.de\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:First line=0D=0ASecond line is long=\n"
    " and continues=\n"
    "=20here\n"
    "ADR;HOME;QUOTED-PRINTABLE:;;Hauptstra=DFe 5;K=F6ln;;50667;Germany\n"
    "TITLE;CHARSET=windows-1252:Gesch\xe4ftsf\xfchrer\n"
    "ORG:Beispiel GmbH;Vertrieb\n"
    "X-CUSTOM;QUOTED-PRINTABLE:caf=E9\n"
    "X-FOLDED21:alpha\n beta\n"
    "END:VCARD\n"
)
# Latin-1 bytes in a str: encode as latin-1 so \xe4 stays one byte.
write("v21_quoted_printable.vcf", v21, encoding="latin-1")

# vCard 3.0 with bare LF, folding by space and tab (one inside a UTF-8 sequence), every TYPE
# style and every escape.
name_bytes = "Zoë Ångström".encode("utf-8")  # fold between the two bytes of ë
split_at = name_bytes.index(b"\xc3\xab") + 1
v30 = (
    b"BEGIN:VCARD\n"
    b"VERSION:3.0\n"
    b"FN:" + name_bytes[:split_at] + b"\n " + name_bytes[split_at:] + b"\n"
    b"N:\xc3\x85ngstr\xc3\xb6m;Zo\xc3\xab;;;\n"
    b"NICKNAME:Zo\\, the \\\\ great\n"
    b"ORG:Acme\\, Inc.;Research;Lab 3\n"
    b"TITLE:Head of R&D\\; Europe\n"
    b"TEL;TYPE=work;TYPE=voice:+1 555 0100\n"
    b"TEL;TYPE=home,fax:+1 555 0101\n"
    b"TEL;TYPE=CELL;TYPE=pref:+1 555 0102\n"
    b"EMAIL;TYPE=INTERNET,WORK:zoe@acme.example\n"
    b"NOTE:Met at the 2019 summit\\nLikes climbing\\, chess\\NWindows path C:\\\\temp\\: odd \\x escape\n"
    b"CATEGORIES:friends,work\\, past,climbing\n"
    b"URL:https://acme.example/~zoe\n"
    b"X-FOLDED:one\n\ttwo\n  three\n"
    b"END:VCARD\n"
)
write("v30_folding_lf.vcf", v30, crlf=False)

# vCard 4.0: PREF=1, quoted TYPE lists, RFC 6868, data: URI photo, truncated dates, REV,
# linkedin URL, VALUE=uri phone.
photo_lines = "PHOTO:data:image/png;base64," + b64(PNG)
v40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN:Ana María Pérez\n"
    "N:Pérez;Ana;María;;\n"
    "EMAIL;TYPE=work;PREF=1:ana@work.example\n"
    "EMAIL;TYPE=home;PREF=2:ana@home.example\n"
    "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+34-600-000-000\n"
    "URL;TYPE=work:https://www.linkedin.com/in/ana-perez\n"
    "URL:https://ana.example\n"
    "ADR;TYPE=work;LABEL=\"Calle 1^nMadrid\":;;Calle 1;Madrid;;28001;Spain\n"
    "BDAY:--0415\n"
    "ANNIVERSARY:20100612\n"
    "REV:20230105T101500Z\n"
    + "\n ".join(chunks(photo_lines, 74)) + "\n"
    "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/ana\n"
    "END:VCARD\n"
)
write("v40_full.vcf", v40)

# Every photo spelling, one card each, in one 2.1/3.0/4.0 mix.
jb, pb, gb, wb, bb = b64(JPEG), b64(PNG), b64(GIF), b64(WEBP), b64(BMP)
photos = (
    # 2.1: ENCODING=BASE64, data on indented lines, ended by a blank line
    "BEGIN:VCARD\nVERSION:2.1\nFN:Photo One\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\n  "
    + "\n  ".join(chunks(jb, 40)) + "\n\nEND:VCARD\n"
    # 2.1: bare BASE64, unindented continuation lines
    "BEGIN:VCARD\nVERSION:2.1\nFN:Photo Two\nPHOTO;JPEG;BASE64:" + jb[:30] + "\n"
    + "\n".join(chunks(jb[30:], 30)) + "\n\nEND:VCARD\n"
    # 3.0: ENCODING=b;TYPE=JPEG, folded with one space
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Three\nPHOTO;ENCODING=b;TYPE=JPEG:"
    + "\n ".join(chunks(jb, 50)) + "\nEND:VCARD\n"
    # 3.0: ENCODING=B with a MIME type
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Four\nPHOTO;TYPE=image/png;ENCODING=B:" + pb + "\nEND:VCARD\n"
    # 4.0: data URI with VALUE=uri, GIF
    "BEGIN:VCARD\nVERSION:4.0\nFN:Photo Five\nPHOTO;VALUE=uri:data:image/gif;base64," + gb + "\nEND:VCARD\n"
    # 4.0: data URI with MEDIATYPE, WebP, declared type wrong (magic bytes win)
    "BEGIN:VCARD\nVERSION:4.0\nFN:Photo Six\nPHOTO;MEDIATYPE=image/jpeg:data:image/jpeg;base64," + wb + "\nEND:VCARD\n"
    # 3.0: bare base64 without any ENCODING parameter, BMP
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Seven\nPHOTO:" + bb + "\nEND:VCARD\n"
    # not an image: dropped
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Eight\nPHOTO;ENCODING=b;TYPE=JPEG:" + b64(b"Hello, this is not an image.")
    + "\nEND:VCARD\n"
    # a URL reference: kept verbatim
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Nine\nPHOTO;VALUE=uri:https://example.com/nine.jpg\nEND:VCARD\n"
    # damaged base64: dropped
    "BEGIN:VCARD\nVERSION:3.0\nFN:Photo Ten\nPHOTO;ENCODING=b:/9j/4AA!!!\nEND:VCARD\n"
)
write("photos.vcf", photos)

# Apple: groups with X-ABLabel pairs (upper-case group), omitted year, social profile,
# labelled anniversary.
apple = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.0//EN\n"
    "N:Appleseed;Jane;;;\n"
    "FN:Jane Appleseed\n"
    "item1.EMAIL;type=INTERNET;type=pref:jane@icloud.example\n"
    "item1.X-ABLabel:_$!<Other>!$_\n"
    "ITEM2.URL:https://jane.example/blog\n"
    "item2.X-ABLabel:Blog\n"
    "item3.TEL:+1 (555) 010-9999\n"
    "item3.X-ABLabel:Home Office\n"
    "TEL;type=CELL;type=VOICE;type=pref:+1 (555) 010-0000\n"
    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15\n"
    "item4.X-ABDATE;type=pref:2012-06-30\n"
    "item4.X-ABLabel:_$!<Anniversary>!$_\n"
    "X-SOCIALPROFILE;type=linkedin;x-user=janeappleseed:http://www.linkedin.com/in/janeappleseed\n"
    "X-SOCIALPROFILE;type=twitter;x-user=jane:x-apple:jane\n"
    "X-ABShowAs:PERSON\n"
    "END:VCARD\n"
)
write("apple_groups.vcf", apple)

# Missing FN, nothing identifying, and a card cut short by the next BEGIN.
missing = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lovelace;Ada;King;Countess;\nEND:VCARD\n"       # line 1
    "BEGIN:VCARD\nVERSION:3.0\nORG:Analytical Engines Ltd\nEND:VCARD\n"         # line 5
    "BEGIN:VCARD\nVERSION:3.0\nEMAIL:only@mail.example\nEND:VCARD\n"            # line 9
    "BEGIN:VCARD\nVERSION:3.0\nTEL:+44 20 7946 0000\nEND:VCARD\n"               # line 13
    "BEGIN:VCARD\nVERSION:3.0\nNOTE:who is this?\nEND:VCARD\n"                  # line 17: skipped
    "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\nEMAIL:cut@example.com\n"           # line 21: skipped
    "BEGIN:VCARD\nVERSION:3.0\nFN:After The Cut\nEND:VCARD\n"                   # line 25
    "garbage between cards\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Truncated At End\n"                           # line 30: skipped
)
write("missing_fn.vcf", missing)

# Nested AGENT cards in 2.1 (on following lines) and 3.0 (escaped in one value).
agent = (
    "BEGIN:VCARD\nVERSION:2.1\nFN:Boss Person\nTEL:+1 555 1000\nAGENT:\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Assistant Person\nTEL:+1 555 1001\nEND:VCARD\n"
    "EMAIL:boss@example.com\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Other Boss\n"
    "AGENT:BEGIN:VCARD\\nFN:Other Assistant\\nTEL:+1 555 2001\\nEND:VCARD\n"
    "END:VCARD\n"
)
write("nested_agent.vcf", agent)

# Encodings: UTF-8 with BOM, UTF-16LE with BOM, UTF-16BE without BOM.
unicode_card = ("BEGIN:VCARD\nVERSION:3.0\nFN:Łukasz Żółć 😀\nN:Żółć;Łukasz;;;\n"
                "EMAIL:lukasz@example.pl\nEND:VCARD\n")
write("utf8_bom.vcf", "\ufeff" + unicode_card)
write("utf16le_bom.vcf", "\ufeff" + unicode_card, encoding="utf-16-le")
write("utf16be_nobom.vcf", unicode_card, encoding="utf-16-be")
write("utf16be_bom.vcf", "\ufeff" + unicode_card, encoding="utf-16-be")
write("utf16le_nobom.vcf", unicode_card, encoding="utf-16-le")

# Lower-case everything.
lower = ("begin:vcard\nversion:3.0\nfn:Lower Case\nn:Case;Lower;;;\nemail;internet:lower@example.com\n"
         "tel;type=cell:+1 555 3000\nitem1.url:https://lower.example\nend:vcard\n")
write("lowercase.vcf", lower, crlf=False)

# Date spellings, one card each.
dates = ""
for i, (bday, extra) in enumerate([
        ("BDAY:19900415", "ANNIVERSARY:2015-09-01"),
        ("BDAY:1990-04-15T00:00:00Z", "X-ANNIVERSARY:2001-02-03"),
        ("BDAY:--0415", "X-MS-ANNIVERSARY:20050607"),
        ("BDAY:--04-15", "X-EVOLUTION-ANNIVERSARY:1999-12-31"),
        ("BDAY;VALUE=text:circa 1980", "ANNIVERSARY;VALUE=date-and-or-time:--1224"),
        ("BDAY:1604-11-05", "ANNIVERSARY;X-APPLE-OMIT-YEAR=1900:1900-03-04"),
        ("BDAY:1985", "NOTE:year only")]):
    dates += "BEGIN:VCARD\nVERSION:4.0\nFN:Date %d\n%s\n%s\nEND:VCARD\n" % (i + 1, bday, extra)
write("dates.vcf", dates)

# Vendor and unknown properties: kept verbatim, in order, with groups and parameters.
vendor = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Vendor Props\n"
    "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards\" ver=\"1.0\"><img xmlns=\"\" align=\"fit\" area=\"16\" use=\"cardpicture\"/></card>\n"
    "X-EVOLUTION-FILE-AS:Props\\, Vendor\n"
    "LABEL;TYPE=WORK:1 Main St\\nSpringfield\n"
    "KEY;ENCODING=b;TYPE=PGP:AAECAwQF\n"
    "TZ:-05:00\n"
    "GEO:37.386013;-122.082932\n"
    "grp.IMPP;X-SERVICE-TYPE=Skype:skype:vendor.props\n"
    "X-SKYPE:vendor.props\n"
    "X-JABBER;TYPE=HOME:vendor@jabber.example\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n"
    "END:VCARD\n"
)
write("vendor_extras.vcf", vendor)

# Our own fields.
rekindle = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Rekindled Friend\nN:Friend;Rekindled;;;\n"
    "EMAIL:friend@example.org\n"
    "NOTE:Introduced by Sam\n"
    "X-REKINDLE-TIER:close\n"
    "X-REKINDLE-CADENCE:21\n"
    "X-REKINDLE-TRUST:0.8\n"
    "X-REKINDLE-CONNECTED:2018-01-08\n"
    "X-REKINDLE-DUE:2024-06-01\n"
    "X-REKINDLE-SNOOZE-STREAK:2\n"
    "X-REKINDLE-STARRED:1\n"
    "X-REKINDLE-ARCHIVED:0\n"
    "X-REKINDLE-SOURCE:linkedin\n"
    "X-REKINDLE-GOAL:Move into product management;high;Knows the hiring manager\\, team lead;Share my UX research\n"
    "X-REKINDLE-INTERACTION:2024-01-10;email;give;3;Sent the article\\; she liked it\n"
    "X-REKINDLE-INTERACTION:2024-03-02;meeting;ask;;Coffee\\nasked for advice\n"
    "X-REKINDLE-INTERACTION:not-a-date;email;give;;kept verbatim\n"
    "X-REKINDLE-TIER:nonsense\n"
    "REV:2020-01-01T00:00:00Z\n"
    "END:VCARD\n"
)
write("rekindle_fields.vcf", rekindle)

# A 3.0 file saved in windows-1252 with no CHARSET at all.
legacy = ("BEGIN:VCARD\nVERSION:3.0\nFN:Fran\xe7ois L\xe9ger\nN:L\xe9ger;Fran\xe7ois;;;\n"
          "ORG:Caf\xe9 \x80uro\nNOTE:\x93Quoted\x94 \x96 dash\nEND:VCARD\n")
write("legacy_cp1252.vcf", legacy, encoding="latin-1")
