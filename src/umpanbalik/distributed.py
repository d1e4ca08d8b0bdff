"""Annotate comments that do not fit one machine, on Dask (the optional extra ``umpanbalik[dask]``).

:func:`annotate_dask` applies the preprocessing and the fitted models to every partition of a Dask
DataFrame with ``map_partitions``; :func:`fit_topics_on_sample` fits a :class:`~umpanbalik.TopicModel`
on a bounded sample and assigns every comment to a topic the same way. Each comment's result is
exactly what :func:`umpanbalik._annotate.annotate` gives on one machine: the models see one comment
at a time, so how the rows are split into partitions does not matter.

How the models reach the workers
--------------------------------
*Shipped models* (``models=None``, or any model left ``None``) are never sent: each worker process
loads them from its own umpanbalik installation the first time a partition needs them and keeps
them in a module-level cache for every later partition and every later computation. So the workers
need umpanbalik installed (the same version), and the graph stays small.
*Your own fitted models* (and the fitted topic model) are sent once to each worker: with a
``distributed`` client, ``client.scatter(models, broadcast=True)`` puts a copy in every worker's
memory before the computation, straight from the client (a model inside the task graph would pass
through the scheduler, 15 MB of graph for the aspect tagger); on the local schedulers, where there
is no client, they are one ``dask.delayed`` key, computed once and shared by the tasks. Either way
the tasks carry a reference, not a pickled copy each.
"""
from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import partial
from typing import Any, NamedTuple

import pandas as pd

from ._annotate import Models, annotate
from ._validation import as_text_list, check_int

__all__ = ["annotate_dask", "fit_topics_on_sample", "TopicsOnSample", "ANNOTATE_COLUMNS", "TOPIC_COLUMNS"]

#: The columns :func:`annotate_dask` adds, with their dtypes (``hambatan`` only with ``barriers``).
ANNOTATE_COLUMNS: dict[str, str] = {
    "teks_bersih": "object",
    "sentimen": "object",
    "skor_sentimen": "float64",
    "aspek": "object",
    "aspek_sentimen": "object",
    "bukti_aspek": "object",
    "saran": "bool",
    "non_informatif": "bool",
    "hambatan": "object",
}

#: The columns of :meth:`TopicModel.transform`, returned by :func:`fit_topics_on_sample`.
TOPIC_COLUMNS = ("topik", "label_topik", "skor_topik")

_MODEL_NAMES = ("preprocessor", "sentimen", "aspek", "saran", "non_informatif", "hambatan")


def _dask() -> Any:
    try:
        import dask
        import dask.dataframe  # noqa: F401
    except ImportError as error:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "umpanbalik.distributed needs Dask: pip install 'umpanbalik[dask]' "
            "(dask[dataframe] and distributed)."
        ) from error
    return dask


# -- on the workers -------------------------------------------------------------------------------
_shipped = Models()  # per process: each worker loads a shipped model at most once
_shipped_lock = threading.Lock()


def _worker_models(user: Models | None, needed: tuple[str, ...]) -> Models:
    """The user's models where given, the process's cached shipped models elsewhere."""
    chosen: dict[str, Any] = {}
    for name in needed:
        value = getattr(user, name) if user is not None else None
        if value is None:
            with _shipped_lock:  # two threads of one worker would otherwise both load it
                value = _shipped.get(name)
        chosen[name] = value
    return Models(**chosen)


def _empty_like(meta: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    return meta.iloc[:0].set_axis(index[:0])


def _annotate_partition(part: pd.DataFrame, models: Models | None, *, text: str, barriers: str | None,
                        meta: pd.DataFrame) -> pd.DataFrame:
    if not len(part):
        return _empty_like(meta, part.index)
    needed = _MODEL_NAMES if barriers is not None else _MODEL_NAMES[:-1]
    frame = annotate(
        as_text_list(part[text], name="text"),
        barriers=as_text_list(part[barriers], name="barriers") if barriers is not None else None,
        models=_worker_models(models, needed),
    )
    return pd.concat([part, frame.set_axis(part.index)], axis=1)


def _topics_partition(part: pd.DataFrame, model: Any, *, text: str, meta: pd.DataFrame) -> pd.DataFrame:
    if not len(part):
        return _empty_like(meta, part.index)
    return model.transform(pd.Series(as_text_list(part[text], name="text"), index=part.index, dtype=object))


# -- on the client --------------------------------------------------------------------------------
def _share(obj: Any) -> Any:
    """``obj`` as an argument that reaches each worker once (see the module docstring)."""
    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):  # no distributed, or no client: a local scheduler
        return _dask().delayed(obj, traverse=False)
    return client.scatter(obj, broadcast=True, hash=False)


def _check_column(ddf: Any, name: str, parameter: str) -> str:
    if name not in ddf.columns:
        columns = ", ".join(repr(str(c)) for c in list(ddf.columns)[:10])
        raise ValueError(f"`{parameter}` must name a column of the DataFrame; got {name!r}. Columns: {columns}.")
    return name


def _check_dask_frame(ddf: Any) -> None:
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        hint = " Convert it with dask.dataframe.from_pandas(df, npartitions=...)." if isinstance(ddf, pd.DataFrame) else ""
        raise TypeError(f"`ddf` must be a dask.dataframe.DataFrame, got {type(ddf).__name__}.{hint}")


def _meta(base: pd.DataFrame, columns: Mapping[str, str]) -> pd.DataFrame:
    added = pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})
    return pd.concat([base, added.set_axis(base.index)], axis=1)


def annotate_dask(ddf: Any, text: str = "komentar", barriers: str | None = None,
                  models: Models | Mapping[str, Any] | None = None) -> Any:
    """Annotate every comment of a Dask DataFrame, partition by partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The responses, one comment per row, partitioned as you like.
    text : str, default="komentar"
        The column with the comments. Missing and non-text cells are empty comments.
    barriers : str, optional
        The column with the answers on barriers to training; adds ``hambatan``.
    models : dict or Models, optional
        Fitted models to use instead of the shipped ones (keys ``preprocessor``, ``sentimen``,
        ``aspek``, ``saran``, ``non_informatif``, ``hambatan``).

    Returns
    -------
    dask.dataframe.DataFrame
        The original columns and index, plus :data:`ANNOTATE_COLUMNS` (lazy: call ``.compute()``,
        ``.to_parquet()`` …). Each row's values equal those of :func:`umpanbalik._annotate.annotate`.

    Notes
    -----
    Dask stores text columns as Arrow strings by default, which cannot hold bytes in another
    encoding or lone surrogates; for a raw, messy export build the frame inside
    ``dask.config.set({"dataframe.convert-string": False})`` and the comments stay Python objects.

    Examples
    --------
    >>> import dask.dataframe as dd, pandas as pd
    >>> df = pd.DataFrame({"komentar": ["materi bagus", None, "waktunya kurang"]}, index=["a", "b", "c"])
    >>> out = annotate_dask(dd.from_pandas(df, npartitions=2)).compute(scheduler="sync")
    >>> out[["sentimen", "non_informatif"]]
      sentimen  non_informatif
    a  positif           False
    b   netral            True
    c  negatif           False
    """
    _dask()
    _check_dask_frame(ddf)
    _check_column(ddf, text, "text")
    if barriers is not None:
        _check_column(ddf, barriers, "barriers")
    added = {k: v for k, v in ANNOTATE_COLUMNS.items() if k != "hambatan" or barriers is not None}
    clash = sorted(set(added) & set(map(str, ddf.columns)))
    if clash:
        raise ValueError(f"`ddf` already has the columns {clash} that annotate_dask adds; rename them first.")
    coerced = Models.coerce(models)
    given = any(getattr(coerced, name) is not None for name in _MODEL_NAMES)
    shared = _share(coerced) if given else None  # None: the workers use their shipped models
    meta = _meta(ddf._meta, added)
    return ddf.map_partitions(partial(_annotate_partition, text=text, barriers=barriers, meta=meta), shared,
                              meta=meta)


class TopicsOnSample(NamedTuple):
    """What :func:`fit_topics_on_sample` returns."""

    model: Any
    """The :class:`~umpanbalik.TopicModel`, fitted on the sample (a plain pandas-side object)."""
    topics: Any
    """Lazy Dask DataFrame with ``topik``, ``label_topik``, ``skor_topik`` and the original index."""


def fit_topics_on_sample(ddf: Any, text: str = "komentar", n: int = 20_000, random_state: int = 0,
                         **params: Any) -> TopicsOnSample:
    """Fit a :class:`~umpanbalik.TopicModel` on at most ``n`` sampled comments, then assign every comment.

    Topic discovery needs the comments in memory at once, but not all of them: a few tens of
    thousands find the themes of a national survey. The sample is drawn in Dask (one pass to count
    the rows, one to sample about 10% more than ``n``), brought to the client and trimmed to ``n``
    (fewer only if that random draw fell short, or the data has fewer rows); the assignment of all
    rows then runs on the workers.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The responses.
    text : str, default="komentar"
        The column with the comments.
    n : int, default=20000
        Sample size (all rows when there are fewer).
    random_state : int, default=0
        Seeds both the sample and the topic model; the same data in the same partitions gives the
        same topics.
    **params
        Passed to :class:`~umpanbalik.TopicModel` (``n_topics``, ``k_range`` …).
    """
    _dask()
    from .topics import TopicModel

    _check_dask_frame(ddf)
    _check_column(ddf, text, "text")
    n = check_int("n", n, minimum=1)
    model = TopicModel(random_state=random_state, **params)  # fails early on a bad parameter name
    rows = int(ddf.shape[0].compute())
    if rows == 0:
        raise ValueError("`ddf` has no rows; there is nothing to fit topics on.")
    column = ddf[text]
    if rows > n:
        # A little more than n, so that the random per-partition draw rarely falls short.
        fraction = min(1.0, n / rows * 1.1 + 100 / rows)
        column = column.sample(frac=fraction, random_state=random_state)
    sample = column.compute()
    if len(sample) > n:
        sample = sample.sample(n=n, random_state=random_state)
    model.fit(as_text_list(sample, name="text"))
    meta = model.transform(["materi"]).iloc[:0].set_axis(ddf._meta.index[:0])  # the dtypes transform gives
    topics = ddf.map_partitions(partial(_topics_partition, text=text, meta=meta), _share(model), meta=meta)
    return TopicsOnSample(model, topics)
