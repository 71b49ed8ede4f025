from django.core.management.base import BaseCommand

from comments import spam_filter
from comments.models import SpamFilterState


class Command(BaseCommand):
    help = (
        "Store the spam filter if it is not stored yet and show what it has learned; with "
        "--reset start it again from the "
        "shipped example comments and relearn every moderator decision still on record "
        "(after changing comments/spam_data/, or to undo a run of wrong decisions)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true")
        parser.add_argument(
            "--write-seed",
            action="store_true",
            help="Build the seed model from comments/spam_data/train.jsonl and write the "
            "committed seed file beside it (after changing the examples).",
        )

    def handle(self, *args, reset, write_seed, **options):
        if write_seed:
            for old in spam_filter.SPAM_DATA.glob("seed-*.npz"):
                old.unlink()
            path = spam_filter.seed_file()
            path.write_bytes(spam_filter.train_seed_model().dumps())
            self.stdout.write(f"Wrote {path.name}.")
            return
        if reset:
            learned = spam_filter.reset()
            self.stdout.write(
                f"Spam filter reset to the shipped examples, then learned "
                f"{learned} moderator decision{'s' if learned != 1 else ''}."
            )
        elif not SpamFilterState.objects.filter(pk=1).exists():
            # Stored, each process loads the model in a moment instead of building
            # it from the examples on its first comment.
            spam_filter.save_model(spam_filter.seed_model(), reset=True)
            self.stdout.write("Stored the spam filter built from the shipped examples.")
        state = SpamFilterState.objects.filter(pk=1).first()
        model = spam_filter.current_model()
        ham, spam = (int(n) for n in model.class_count)
        self.stdout.write(
            f"The filter counts {spam} spam and {ham} genuine comments; "
            + (
                f"{state.decisions_learned} moderator decisions learned since "
                f"{state.updated_at:%Y-%m-%d %H:%M}."
                if state
                else "nothing learned from moderators yet (the shipped seed model)."
            )
        )
