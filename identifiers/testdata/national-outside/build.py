# Builds identifiers/testdata/national-outside/values.tsv from outside sources.
import re, json, sys, os
sys.path.insert(0, os.environ.get('PYDEPS', 'py'))
import stdnum
from stdnum.es import nif, dni, nie, cif
from stdnum.de import idnr, stnr
from stdnum.fr import nir
from stdnum.fi import hetu
from stdnum.se import personnummer
import phonenumbers
from phonenumbers import PhoneNumberType as T, PhoneNumberFormat as F

EXT = os.environ.get('EXT', 'ext')
SD = EXT + '/python_stdnum-2.2'
rows = []  # (identifier, label, value, source)
seen = set()
def add(ident, label, value, source):
    key = (ident, value)
    if key in seen: return
    seen.add(key); rows.append((ident, label, value, source))

def quoted(files):
    out = []
    for f in files:
        for line in open(f, encoding='utf-8'):
            if not line.startswith('>>> '): continue
            for m in re.finditer(r"'([^'\n]{4,40})'", line):
                out.append((m.group(1), os.path.relpath(f, SD)))
    return out

def stdnum_set(ident, files, valid, relevant=lambda v: True):
    for v, src in quoted([SD + '/' + f for f in files]):
        if not relevant(v): continue
        # A value as it is written: at least 5 digits, no spaces around it.
        if len(re.findall(r'\d', v)) < 5 or v != v.strip(): continue
        add(ident, 'valid' if valid(v) else 'invalid', v, 'python-stdnum 2.2 ' + src)

# NifNumber-ES: NIF of individuals (DNI, NIE, K/L/M). CIF values (companies) are no NIF of a person: left out.
stdnum_set('NifNumber-ES', ['tests/test_es_nif.doctest', 'stdnum/es/nif.py', 'stdnum/es/dni.py', 'stdnum/es/nie.py'],
           lambda v: nif.is_valid(v) and not cif.is_valid(v),
           relevant=lambda v: not cif.is_valid(v) and not re.match(r'^[A-HJNP-SUVW]', v.upper()))
# TaxId-DE: Steuer-IdNr and Steuernummer.
stdnum_set('TaxId-DE', ['tests/test_de_idnr.doctest', 'stdnum/de/idnr.py'], idnr.is_valid)
stdnum_set('TaxId-DE', ['tests/test_de_stnr.doctest', 'stdnum/de/stnr.py'], stnr.is_valid)
stdnum_set('InseeCode-FR', ['stdnum/fr/nir.py'], nir.is_valid)
stdnum_set('DriversLicense-FI', ['tests/test_fi_hetu.doctest', 'stdnum/fi/hetu.py'], hetu.is_valid)
stdnum_set('DriversLicense-SE', ['tests/test_se_personnummer.doctest', 'stdnum/se/personnummer.py'], personnummer.is_valid)

# Phones: libphonenumber's example numbers (phonenumbers 9.0.43), every type, three written forms.
for ident, region in [('PhoneNumber-IT', 'IT'), ('PhoneNumber-BR', 'BR'), ('PhoneNumber-DE', 'DE')]:
    for t in [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP, T.PERSONAL_NUMBER, T.PAGER, T.UAN, T.VOICEMAIL]:
        n = phonenumbers.example_number_for_type(region, t)
        if n is None: continue
        tname = [k for k, v in vars(T).items() if v == t][0]
        for fmt, fname in [(F.E164, 'E164'), (F.INTERNATIONAL, 'INTERNATIONAL'), (F.NATIONAL, 'NATIONAL')]:
            add(ident, 'valid', phonenumbers.format_number(n, fmt),
                'phonenumbers 9.0.43 example_number_for_type(%s, %s), %s' % (region, tname, fname))

# US licences: usdl-regex 1.7.3 testdata/licenses.json (NTSI state table); values of 6+ characters.
d = json.load(open(EXT + '/usdl-regex-1.7.3/package/testdata/licenses.json'))
rules = json.load(open(EXT + '/usdl-regex-1.7.3/package/regex.json'))
for st, v in d.items():
    for val in v.get('valid', []):
        if len(val) >= 6:
            add('DriversLicense-US', 'valid', val, 'usdl-regex 1.7.3 testdata/licenses.json %s valid' % st)
    for val in v.get('invalid', []):
        # Invalid in one state but valid in another is no negative: the
        # number does not say its state.
        if len(val) >= 6 and not any(re.search(r['rule'], val) for r in rules.values()):
            add('DriversLicense-US', 'invalid', val, 'usdl-regex 1.7.3 testdata/licenses.json %s invalid' % st)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'values.tsv')
with open(out, 'w') as f:
    f.write('# identifier\tlabel\tvalue\tsource (see README.md)\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
import collections
c = collections.Counter((r[0], r[1].split('-')[0]) for r in rows)
for k in sorted(c): print(k, c[k])
