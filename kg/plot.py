"""A labelled drawing of a co-author network (matplotlib, no display needed).

Node size follows the number of papers, edge width the number of shared papers, colour
the Louvain community (fixed seed); the article's subject is ringed and labelled in bold.
Labels go to the most connected people (all of them in a small network) and are nudged
apart so they do not pile up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KGError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["plot_network", "PLOT_FORMATS"]

PLOT_FORMATS = (".png", ".svg", ".pdf")


def _spread_labels(pos: dict[str, tuple[float, float]], names: list[str],
                   min_gap: float) -> dict[str, tuple[float, float]]:
    """Label positions just above their nodes, pushed apart vertically where two labels
    would overlap (a few passes of a simple repulsion)."""
    at = {n: (pos[n][0], pos[n][1] + min_gap * 0.6) for n in names}
    for _ in range(60):
        moved = False
        items = sorted(at.items(), key=lambda kv: kv[1][1])
        for i, (a, (ax, ay)) in enumerate(items):
            for b, (bx, by) in items[i + 1:]:
                if abs(ax - bx) < min_gap * 4 and abs(ay - by) < min_gap:
                    shift = (min_gap - abs(ay - by)) / 2 + 1e-6
                    at[a] = (at[a][0], at[a][1] - shift)
                    at[b] = (at[b][0], at[b][1] + shift)
                    moved = True
        if not moved:
            break
    return at


def plot_network(G: nx.Graph, path: str | Path, *, subject: str | None = None,
                 max_labels: int = 40, seed: int = 7, title: str | None = None) -> Path:
    """Draw ``G`` to ``path`` (.png, .svg or .pdf), atomically; returns the path."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    from .network import centrality_table
    from .rdf import write_atomic

    p = Path(path)
    if p.suffix.lower() not in PLOT_FORMATS:
        raise KGError(f"cannot draw to {p.name!r}; give a file ending in "
                      f"{', '.join(PLOT_FORMATS)}")
    if G.number_of_nodes() == 0:
        raise KGError("the network is empty: the graph has no co-authored papers")
    table = centrality_table(G)
    community = dict(zip(table["name"], table["community"], strict=True))
    wdeg = dict(G.degree(weight="weight"))
    pos = nx.spring_layout(G, seed=seed, k=2.2 / max(1, len(G)) ** 0.5, iterations=200,
                           weight=None)
    fig, ax = plt.subplots(figsize=(13, 10), dpi=110)
    palette = plt.get_cmap("tab10")
    nodes = list(G)
    colors = [palette(community[G.nodes[n]["name"]] % 10) for n in nodes]
    sizes = [120 + 90 * G.nodes[n].get("papers", 1) for n in nodes]
    widths = [0.6 + 1.4 * (d["weight"] - 1) for _, _, d in G.edges(data=True)]
    nx.draw_networkx_edges(G, pos, ax=ax, width=widths, edge_color="#9a9a9a", alpha=0.55)
    nx.draw_networkx_nodes(G, pos, nodelist=nodes, node_size=sizes, node_color=colors,
                           edgecolors="white", linewidths=0.8, ax=ax)
    if subject is not None and subject in G:
        nx.draw_networkx_nodes(G, pos, nodelist=[subject], node_size=[sizes[nodes.index(
            subject)] * 1.5], node_color="none", edgecolors="#d62728", linewidths=3, ax=ax)
    ranked = sorted(nodes, key=lambda n: (-wdeg[n], G.nodes[n]["name"]))[:max_labels]
    if subject is not None and subject in G and subject not in ranked:
        ranked.append(subject)
    xs = [xy[0] for xy in pos.values()]
    ys = [xy[1] for xy in pos.values()]
    gap = (max(ys) - min(ys) or 1) / 45
    label_at = _spread_labels({n: (float(pos[n][0]), float(pos[n][1])) for n in nodes},
                              ranked, gap)
    for n in ranked:
        x, y = label_at[n]
        bold = n == subject
        ax.text(x, y, G.nodes[n]["name"], ha="center", va="bottom",
                fontsize=11 if bold else 8.5, fontweight="bold" if bold else "normal",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                      "alpha": 0.75})
    ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
    ax.set_ylim(min(ys) - 0.1, max(ys) + 0.15)
    ax.set_title(title or f"Co-authors ({G.number_of_nodes()} people, "
                          f"{G.number_of_edges()} co-author pairs)", fontsize=13)
    ax.text(0.01, 0.01, "node size: papers · edge width: shared papers · colour: community",
            transform=ax.transAxes, fontsize=8, color="#555555")
    ax.axis("off")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format=p.suffix.lower()[1:], metadata={"Date": None}
                if p.suffix.lower() == ".svg" else None)
    plt.close(fig)
    write_atomic(p, buf.getvalue())
    return p
