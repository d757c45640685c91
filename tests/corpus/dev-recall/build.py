"""Builds the dev-recall documents and labels. Stdlib only. Run: python3 build.py"""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = []

SITES = {
 "en": {"nav": ["Home", "World", "Politics", "Immigration", "Opinion", "Video"],
        "foot": "&copy; {y} {site}. All rights reserved. | Privacy policy | Terms of use | Cookie settings | Contact us",
        "rel": "Related stories", "share": "Share this article: Facebook | X | Email | Print", "sub": "Sign up for our daily newsletter"},
 "es": {"nav": ["Inicio", "Nacionales", "Internacionales", "Migración", "Opinión", "Deportes"],
        "foot": "&copy; {y} {site}. Todos los derechos reservados. | Aviso de privacidad | Términos de uso | Contáctenos",
        "rel": "Noticias relacionadas", "share": "Compartir: Facebook | X | WhatsApp | Correo", "sub": "Suscríbase a nuestro boletín"},
}

def page(lang, site, title, byline, date, paras, related, kicker=None, extra_head="", nav=None):
    s = SITES[lang]
    nav = "\n".join(f'      <li><a href="/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in (nav or s["nav"]))
    body = "\n".join(p if p.lstrip().startswith("<") else f"      <p>{p}</p>" for p in paras)
    rel = "\n".join(f'        <li><a href="/{i}">{r}</a></li>' for i, r in enumerate(related, 1))
    k = f'    <div class="kicker">{kicker}</div>\n' if kicker else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{title} | {site}</title>
  <meta name="description" content="{title}">
  <meta property="article:published_time" content="{date}">
{extra_head}</head>
<body>
  <header class="site-header">
    <div class="logo"><a href="/">{site}</a></div>
    <nav><ul>
{nav}
    </ul></nav>
    <form class="search"><input type="text" placeholder="Search"></form>
  </header>
  <main>
    <article>
{k}    <h1>{title}</h1>
    <div class="byline">{byline} &middot; <time datetime="{date}">{date}</time></div>
    <div class="share">{s['share']}</div>
    <div class="article-body">
{body}
    </div>
    </article>
    <aside class="related">
      <h3>{s['rel']}</h3>
      <ul>
{rel}
      </ul>
    </aside>
    <div class="newsletter">{s['sub']} <input type="email"> <button>OK</button></div>
  </main>
  <footer>
    <p>{s['foot'].format(y=date[:4], site=site)}</p>
  </footer>
</body>
</html>
"""

def ev(a, r, p=None):
    return {"action": a, "receiving": r, "population": p}

def add(name, ext, lang, published, kind, relevant, text, events, background, count, notes):
    DOCS.append(dict(name=name, ext=ext, lang=lang, published=published, kind=kind, relevant=relevant,
                     text=text, events=events, background=background, count=count, notes=notes))

def write_all():
    for d in DOCS:
        fn = d["name"] + "." + d["ext"]
        with open(os.path.join(HERE, fn), "w", encoding="utf-8") as f:
            f.write(d["text"].lstrip("\n"))
        lab = {"file": fn, "lang": d["lang"], "published": d["published"], "source_kind": d["kind"],
               "relevant": d["relevant"],
               "events": [ev(*e) for e in d["events"]],
               "background_events": [ev(*e) for e in d["background"]],
               "affected_count": d["count"], "notes": d["notes"]}
        with open(os.path.join(HERE, d["name"] + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(lab, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print("wrote", len(DOCS), "documents")
