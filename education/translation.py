"""The patient content that can be read in every language of the site.

django-modeltranslation gives each field below one column per language in
settings.LANGUAGES (``title_en``, ``title_fr``, ``title_zh_hans``...), on the same
row, so a page is still one query in any language and the admin shows each
translation beside its English text. ``title`` itself reads the column of the
language being shown and falls back to English when that column is empty.

For medical content the translated columns hold only text a clinician approved in
that language (education/translations.py); choice fields (kinds, routes,
frequencies) are shown through the interface catalogues instead.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    BodyRegion,
    ClinicProfile,
    Condition,
    CoverageTopic,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    RedFlag,
    SideEffect,
    SitePage,
)


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(FAQ)
class FAQTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("title", "explanation")


@register(Condition)
class ConditionTranslation(TranslationOptions):
    fields = ("name", "explanation")


@register(Precaution)
class PrecautionTranslation(TranslationOptions):
    fields = ("name", "explanation", "self_check_question")


@register(RedFlag)
class RedFlagTranslation(TranslationOptions):
    fields = ("question", "explanation")


@register(SideEffect)
class SideEffectTranslation(TranslationOptions):
    fields = ("name", "rate", "explanation")


@register(CoverageTopic)
class CoverageTopicTranslation(TranslationOptions):
    fields = ("title", "text")


@register(AftercareTip)
class AftercareTipTranslation(TranslationOptions):
    fields = ("title", "text")


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "meta_description", "intro", "body")


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "definition")


# Not medical content: no clinical sign-off, edited beside the English like the rest.
@register(FAQCategory)
class FAQCategoryTranslation(TranslationOptions):
    fields = ("name", "intro")


@register(BodyRegion)
class BodyRegionTranslation(TranslationOptions):
    fields = ("name", "intro")


@register(ClinicProfile)
class ClinicProfileTranslation(TranslationOptions):
    fields = ("tagline", "opening_hours")
