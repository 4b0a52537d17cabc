"""Long tickets: does the suggestion still find the answer when the question is buried in a long e-mail?

    .venv/bin/python bench/long_tickets.py ../shared/eval/adobe-commerce-en --budgets 64,96,128,100000

Each judged query of the set becomes the question of a ~``--words``-word ticket: the rest is the
context customers write around a question (who they are, what they tried, how urgent it is), taken
from the neutral sentences below in the query's language, so nothing in it points at an article. The
question is put at the start, in the middle or at the end. For each ``SUGGEST_MEANING_TOKENS`` budget
(100000: the model reads the whole clean ticket, which it truncates to its window), prints Recall@3
and MRR@10 per position, and the suggest() p50. The short query alone is the ceiling.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.analysis import detect_language  # noqa: E402
from kb.cli.eval import eval_engine  # noqa: E402
from kb.services import evaluation  # noqa: E402
from kb.services.suggest import suggest  # noqa: E402

FILLER = {
    "en": [
        "We are a small company with twelve people working in two offices.",
        "I have been a customer for about three years and usually everything works fine.",
        "This started last week, right after we came back from the holidays.",
        "My colleague in accounting noticed it first and told me this morning.",
        "We already restarted the computer and cleared the browser cache twice.",
        "It is quite urgent for us because the end of the month is coming.",
        "I tried to find the answer myself but I could not find anything clear.",
        "Our IT person is on vacation until next Monday, so I am writing to you directly.",
        "We use it every day for our daily work and many people depend on it.",
        "Please let me know if you need screenshots or any other information from us.",
        "I called the phone line yesterday but nobody answered after twenty minutes.",
        "The same thing happened to another user in our team on a different laptop.",
        "We did not change anything on our side as far as I know.",
        "Our manager asked me to open a ticket so that it is properly tracked.",
        "I would appreciate a quick answer because we have a deadline on Friday.",
        "We are using the latest version of the browser on Windows and on Mac.",
    ],
    "es": [
        "Somos una empresa pequeña con doce personas repartidas en dos oficinas.",
        "Soy cliente desde hace unos tres años y normalmente todo funciona bien.",
        "Esto empezó la semana pasada, justo después de volver de las vacaciones.",
        "Mi compañera de contabilidad fue la primera en darse cuenta y me lo dijo esta mañana.",
        "Ya reiniciamos el ordenador y borramos la caché del navegador dos veces.",
        "Es bastante urgente para nosotros porque se acerca el cierre de mes.",
        "Intenté buscar la respuesta por mi cuenta pero no encontré nada claro.",
        "Nuestro informático está de vacaciones hasta el lunes, así que os escribo directamente.",
        "Lo usamos todos los días para el trabajo diario y mucha gente depende de ello.",
        "Decidme si necesitáis capturas de pantalla o cualquier otra información.",
        "Ayer llamé al teléfono de soporte pero nadie contestó después de veinte minutos.",
        "Lo mismo le pasó a otro usuario del equipo en un portátil diferente.",
        "Que yo sepa no cambiamos nada por nuestra parte.",
        "Mi jefe me pidió que abriera un ticket para que quede registrado.",
        "Agradecería una respuesta rápida porque tenemos una entrega el viernes.",
        "Usamos la última versión del navegador en Windows y en Mac.",
    ],
}
POSITIONS = ("start", "middle", "end")


def ticket(query: str, words: int, position: str, rng: random.Random) -> str:
    lang = detect_language(query) or "en"
    filler: list[str] = []
    while sum(len(s.split()) for s in filler) < words - len(query.split()):
        filler.append(rng.choice(FILLER[lang]))
    at = {"start": 0, "middle": len(filler) // 2, "end": len(filler)}[position]
    question = query.rstrip(" ?.") + ("?" if query.rstrip().endswith("?") else ".")
    return " ".join(filler[:at] + [question] + filler[at:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--budgets", default="64,96,128,100000")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--queries", type=int, default=200, help="judged queries used (a fixed random sample)")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    dataset = evaluation.load_dataset(args.dataset)
    values, engine, _ = eval_engine(dataset)
    engine.warm_up()
    rng = random.Random(args.seed)
    qids = sorted(dataset.queries)
    rng.shuffle(qids)
    qids = qids[: args.queries]
    tickets = {
        (q, p): ticket(dataset.queries[q], args.words, p, random.Random(f"{args.seed}{q}"))
        for q in qids
        for p in POSITIONS
    }
    print(f"{dataset.name}: {len(qids)} queries, model {values['EMBEDDING_MODEL']}, {args.words}-word tickets")

    def score(texts: dict, budget: int) -> tuple[float, float, float]:
        recall, mrr, took = [], [], []
        for (qid, _), text in texts.items():
            started = time.perf_counter()
            found = suggest(engine, "", text, limit=10, staff=True, meaning_tokens=budget)
            took.append((time.perf_counter() - started) * 1000)
            ranked = [h.id for h in found.hits]
            recall.append(evaluation.recall_at_k(ranked, dataset.qrels[qid], 3))
            mrr.append(evaluation.mrr_at_k(ranked, dataset.qrels[qid]))
        return statistics.fmean(recall), statistics.fmean(mrr), statistics.median(took)

    alone = score({(q, ""): dataset.queries[q] for q in qids}, 128)
    print(f"{'query alone':<22} R@3 {alone[0]:.4f}  MRR@10 {alone[1]:.4f}  p50 {alone[2]:6.1f} ms")
    for budget in (int(b) for b in args.budgets.split(",")):
        cells = []
        for position in POSITIONS:
            r3, mrr, took = score({k: v for k, v in tickets.items() if k[1] == position}, budget)
            cells.append(f"{position} R@3 {r3:.4f} MRR {mrr:.4f} p50 {took:5.1f}")
        label = "whole (model window)" if budget >= 100000 else f"{budget} tokens"
        print(f"{label:<22} " + " | ".join(cells))


if __name__ == "__main__":
    main()
