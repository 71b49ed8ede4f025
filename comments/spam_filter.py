"""The spam filter that learns from moderators.

A naive Bayes text classifier (scikit-learn's ``MultinomialNB``) over hashed word and
character n-grams (``HashingVectorizer``), with a few signs spam shares added as
words: how many links, whether a website was given and its domain ending, text in
another script, a very short text.

The model
    Naive Bayes is nothing but counts: for "spam" and "not spam", how many comments
    were seen and how often each hashed feature appeared in them. Those counts are
    the whole model. They start from the shipped example comments
    (``comments/spam_data/train.jsonl``) and every moderator decision adds one comment
    to one side (``learn``); a decision changed later ("Not spam" after "Mark as
    spam") moves it to the other side. The counts keep no text: a hashed n-gram
    cannot be turned back into words.

Stored in the database
    ``SpamFilterState`` holds the counts as a NumPy ``.npz`` archive (plain arrays of
    numbers), read back with ``allow_pickle=False``. Unlike a pickled scikit-learn
    object, loading it can never run code, so even a tampered row could at worst
    give wrong scores. Only the site writes it (the learning task and
    ``manage.py train_spam_filter``).

The score
    The probability that a comment is spam, from 0 to 100. A comment that scores
    ``CommentSettings.spam_threshold`` or more goes to the spam folder with the reason
    "Looks like spam (score N)"; everything else is reviewed as before.
"""

import functools
import hashlib
import io
import json
import logging
import re
import secrets
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from django.db import transaction

logger = logging.getLogger(__name__)

SPAM_DATA = Path(__file__).resolve().parent / "spam_data"
TRAIN_FILE = SPAM_DATA / "train.jsonl"
EVAL_FILE = SPAM_DATA / "eval.jsonl"


# The seed model built from TRAIN_FILE, committed beside it (`manage.py
# train_spam_filter --write-seed`), named after the training file's hash, so a worker
# loads it in milliseconds instead of training for a second or more on its first
# comment. A stale file (other examples) is never used: the model is trained instead.
def seed_file():
    digest = hashlib.sha256(TRAIN_FILE.read_bytes()).hexdigest()[:16]
    return SPAM_DATA / f"seed-{digest}.npz"


HAM, SPAM = 0, 1
LABELS = {"ham": HAM, "spam": SPAM}
WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18
N_FEATURES = WORD_FEATURES + CHAR_FEATURES
ALPHA = 0.1
# A moderator's decision on one of this clinic's comments counts as much as this many
# of the shipped examples, so the clinic's own decisions soon outweigh the generic
# starting set: a few "Not spam" clicks fix a wrong call, a few "Mark as spam" clicks
# teach a new campaign.
DECISION_WEIGHT = 10

LINK_RE = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    """One comment as the filter sees it."""

    name: str = ""
    email: str = ""
    website: str = ""
    body: str = ""

    @classmethod
    def of(cls, comment):
        return cls(comment.name, comment.email, comment.website, comment.body)


def read_rows(path):
    """The labelled comments of one of the shipped JSON-lines files, as dicts."""
    with Path(path).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_examples(path):
    """(examples, labels) from one of the shipped JSON-lines files."""
    rows = read_rows(path)
    examples = [Example(r["name"], r["email"], r["website"], r["body"]) for r in rows]
    return examples, [LABELS[row["label"]] for row in rows]


# --- Features -------------------------------------------------------------------------


def _domain_ending(address):
    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    return host.rsplit(".", 1)[-1] if "." in host else ""


def _signs(example):
    """Words for what a comment looks like, beside what it says."""
    body = example.body
    links = LINK_RE.findall(body)
    signs = [f"zzlinks{min(len(links), 3)}"]
    signs += [f"zzlinkend{_domain_ending(link)}" for link in links[:3]]
    if example.website:
        signs += ["zzwebsite", f"zzsiteend{_domain_ending(example.website)}"]
    words = len(body.split())
    signs.append("zzwords" + ("1" if words <= 3 else "5" if words <= 12 else "more"))
    letters = [ch for ch in body if ch.isalpha()]
    if letters:
        latin = sum("LATIN" in unicodedata.name(ch, "") for ch in letters) / len(letters)
        if latin < 0.5:
            signs.append("zzotherscript")
        upper = sum(ch.isupper() for ch in letters) / len(letters)
        if upper > 0.6 and len(letters) > 10:
            signs.append("zzshouting")
    if LINK_RE.search(example.name) or re.search(r"\d{3,}", example.name):
        signs.append("zznamelink")
    if len(example.name.split()) >= 3:
        signs.append("zzlongname")
    return " ".join(signs)


@functools.cache
def _vectorizers():
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(
        n_features=WORD_FEATURES,
        ngram_range=(1, 2),
        alternate_sign=False,
        norm=None,
        token_pattern=r"(?u)\b\w+\b",  # noqa: S106 (a regular expression)
    )
    chars = HashingVectorizer(
        n_features=CHAR_FEATURES,
        analyzer="char_wb",
        ngram_range=(3, 5),
        alternate_sign=False,
        norm=None,
        binary=True,
    )
    return words, chars


def features(examples):
    """A sparse matrix, one row of hashed feature counts per example."""
    from scipy import sparse

    words, chars = _vectorizers()
    word_text = [f"{e.body}\n{e.name}\n{_signs(e)}" for e in examples]
    char_text = [f"{e.body} {e.name} {e.website}" for e in examples]
    return sparse.hstack([words.transform(word_text), chars.transform(char_text)]).tocsr()


# --- The model ----------------------------------------------------------------------------


class Model:
    """The counts, and the classifier built from them."""

    def __init__(self, feature_count, class_count):
        self.feature_count = np.asarray(feature_count, dtype=np.float64)
        self.class_count = np.asarray(class_count, dtype=np.float64)
        self._classifier = None
        self._weights = None

    @classmethod
    def train(cls, examples, labels):
        X = features(examples)
        y = np.asarray(labels)
        feature_count = np.vstack(
            [np.asarray(X[y == label].sum(axis=0)).ravel() for label in (HAM, SPAM)]
        )
        class_count = np.array([(y == HAM).sum(), (y == SPAM).sum()])
        return cls(feature_count, class_count)

    def copy(self):
        return Model(self.feature_count.copy(), self.class_count.copy())

    def add(self, example, label, times=1):
        """Count one comment ``times`` times for one side (a negative number takes it back)."""
        row = features([example]).toarray().ravel()
        self.feature_count[label] = np.maximum(self.feature_count[label] + times * row, 0)
        self.class_count[label] = max(self.class_count[label] + times, 0)
        self._classifier = self._weights = None

    def classifier(self):
        """A fitted ``MultinomialNB`` whose counts are exactly these.

        Fitting on one row per side, the side's mean feature counts weighted by its
        number of comments, gives ``feature_count_`` and ``class_count_`` equal to the
        stored counts, through scikit-learn's public ``fit``.
        """
        if self._classifier is None:
            from scipy import sparse
            from sklearn.naive_bayes import MultinomialNB

            weights = np.maximum(self.class_count, 1.0)
            rows = sparse.csr_matrix(self.feature_count / weights[:, None])
            classifier = MultinomialNB(alpha=ALPHA)
            classifier.fit(rows, [HAM, SPAM], sample_weight=weights)
            self._classifier = classifier
        return self._classifier

    def joint_log_likelihood(self, X):
        """What ``MultinomialNB.predict_joint_log_proba`` gives (its documented
        ``X @ feature_log_prob_.T + class_log_prior_``), in microseconds instead of tens
        of milliseconds: the weights are kept feature-major, which the sparse product
        needs. tests/comments/test_spam_filter.py checks both agree."""
        classifier = self.classifier()
        if self._weights is None:
            self._weights = np.ascontiguousarray(classifier.feature_log_prob_.T)
        return X @ self._weights + classifier.class_log_prior_

    def scores(self, examples):
        """Spam scores from 0 to 100.

        Naive Bayes is sure of itself: its probabilities are almost always 0 or 1,
        which tells a moderator nothing. The score instead weighs the evidence per
        feature (the log-odds of spam over ham divided by the square root of the
        number of features in the comment), so a long comment with one odd phrase
        does not look as sure as a pure pitch. 50 means "cannot tell".
        """
        if not examples:
            return []
        X = features(examples)
        joint = self.joint_log_likelihood(X)
        evidence = (joint[:, SPAM] - joint[:, HAM]) / np.sqrt(np.maximum(np.diff(X.indptr), 1))
        probabilities = 1 / (1 + np.exp(-np.clip(evidence / 2, -50, 50)))
        return [int(probability * 100) for probability in probabilities]

    def score(self, example):
        return self.scores([example])[0]

    # Stored as plain arrays: only the columns that were ever seen.
    def dumps(self):
        columns = np.flatnonzero(self.feature_count.sum(axis=0)).astype(np.int32)
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            columns=columns,
            counts=self.feature_count[:, columns].astype(np.float32),
            class_count=self.class_count,
            n_features=np.array([N_FEATURES]),
        )
        return buffer.getvalue()

    @classmethod
    def loads(cls, data):
        with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as arrays:
            if int(arrays["n_features"][0]) != N_FEATURES:
                raise ValueError("The stored spam filter was made for other features.")
            feature_count = np.zeros((2, N_FEATURES))
            feature_count[:, arrays["columns"]] = arrays["counts"]
            return cls(feature_count, arrays["class_count"])


_seed_lock = threading.Lock()


def train_seed_model():
    return Model.train(*read_examples(TRAIN_FILE))


@functools.cache
def _seed_model():
    stored = seed_file()
    if stored.exists():
        return Model.loads(stored.read_bytes())
    return train_seed_model()


def seed_model():
    """The model built from the shipped example comments (the same in every process).

    Loaded once per process from the committed seed file, or built from the
    examples (a second or more) when the examples changed since; the lock keeps
    a burst of first comments from building it once each.
    """
    with _seed_lock:
        return _seed_model()


# The model this process last loaded from the database, shared by its threads.
_loaded = {"revision": None, "model": None}
_loaded_lock = threading.Lock()


def current_model():
    """The clinic's model: the stored one, or the seed model until moderators teach it.

    Each process keeps the model it loaded and reads it again only when the stored
    revision changes (one small query per comment).
    """
    from .models import SpamFilterState

    revision = SpamFilterState.objects.filter(pk=1).values_list("revision", flat=True).first()
    if revision is None:
        return seed_model()
    with _loaded_lock:
        if _loaded["model"] is not None and _loaded["revision"] == revision:
            return _loaded["model"]
        state = SpamFilterState.objects.get(pk=1)
        try:
            model = Model.loads(state.counts)
        except (ValueError, KeyError, OSError):
            # Only the site writes the row; if it cannot be read, sort with the seed
            # model rather than refuse comments, and say so.
            logger.exception("The stored spam filter could not be read; using the seed model.")
            return seed_model()
        _loaded.update(revision=state.revision, model=model)
        return model


def warm_up():
    """Load the seed model and the vectorisers (scikit-learn's import alone takes
    about a second), so a worker's first comment is not the one that waits.
    Run by the WSGI entry point before a worker serves (settings.WARM_UP); it needs
    no database."""
    seed_model().score(Example("", "", "", "warm up"))


def spam_score(*, name, email, website, body):
    return current_model().score(Example(name, email, website, body))


# --- Learning -------------------------------------------------------------------------------


def save_model(model, *, learned_delta=0, reset=False):
    from .models import SpamFilterState

    state = SpamFilterState.objects.filter(pk=1).first() or SpamFilterState()
    state.counts = model.dumps()
    state.revision = secrets.token_hex(8)
    state.spam_examples, state.ham_examples = (int(n) for n in model.class_count[::-1])
    state.decisions_learned = 0 if reset else state.decisions_learned + learned_delta
    state.save()
    return state


@transaction.atomic
def learn(comment_ids):
    """Bring the model up to date with the moderators' verdicts on these comments.

    Each comment carries the verdict to learn (``spam_verdict``) and what the model
    counted for it so far (``learned_as``); only the difference is applied, so running
    this twice for the same decision changes nothing. Returns how many changed.
    """
    from .models import Comment, SpamFilterState

    # Lock the model row first, so two workers learning at once take turns.
    list(SpamFilterState.objects.select_for_update().filter(pk=1).values_list("pk"))
    comments = [
        comment
        for comment in Comment.objects.filter(pk__in=comment_ids).exclude(is_staff_reply=True)
        if comment.spam_verdict != comment.learned_as
    ]
    if not comments:
        return 0
    model = current_model().copy()
    for comment in comments:
        example = Example.of(comment)
        if comment.learned_as:
            model.add(example, LABELS[comment.learned_as], times=-DECISION_WEIGHT)
        if comment.spam_verdict:
            model.add(example, LABELS[comment.spam_verdict], times=DECISION_WEIGHT)
        comment.learned_as = comment.spam_verdict
        comment.save(update_fields=["learned_as"])
    save_model(model, learned_delta=len(comments))
    return len(comments)


@transaction.atomic
def reset():
    """Start again from the shipped examples, then learn every verdict still on record."""
    from .models import Comment

    save_model(seed_model(), reset=True)
    Comment.objects.exclude(learned_as="").update(learned_as="")
    ids = list(Comment.objects.exclude(spam_verdict="").values_list("pk", flat=True))
    return learn(ids) if ids else 0


# --- Measuring ------------------------------------------------------------------------------


def evaluate_scores(model=None):
    """Scores of the held-out evaluation comments: (examples, labels, scores)."""
    model = model or seed_model()
    examples, labels = read_examples(EVAL_FILE)
    return examples, labels, model.scores(examples)
