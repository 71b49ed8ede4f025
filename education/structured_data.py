"""Schema.org data about the site's pages, for search engines (JSON-LD).

Each function returns plain dicts built from the same rows the page shows; the
``json_ld`` template filter turns them into a <script type="application/ld+json">
data block. There is deliberately no review-stars markup: search engines ignore
ratings a business publishes about itself and may penalise them.
"""

from django.urls import reverse

from clinic_site.languages import bcp47

from .sanitizer import html_to_text

SCHEMA = "https://schema.org"

IMS_THERAPY = {
    "@type": "MedicalTherapy",
    "name": "Intramuscular stimulation (IMS)",
    "alternateName": ["IMS", "Gunn IMS", "Dry needling"],
    "description": (
        "A type of dry needling in which a physiotherapist places a thin, solid needle "
        "into tight muscles. It is used for some kinds of muscle pain."
    ),
}


def absolute(request, path):
    return request.build_absolute_uri(path)


def clinic(profile, request):
    """The clinic as a MedicalClinic and Physiotherapy business, from the clinic profile."""
    data = {
        "@context": SCHEMA,
        "@type": ["MedicalClinic", "Physiotherapy"],
        "@id": absolute(request, reverse("education:contact")) + "#clinic",
        "name": profile.name,
        "url": absolute(request, reverse("education:home")),
    }
    if profile.tagline:
        data["description"] = profile.tagline
    if profile.phone:
        data["telephone"] = profile.phone
    if profile.email:
        data["email"] = profile.email
    if profile.street_address:
        address = {
            "@type": "PostalAddress",
            "streetAddress": profile.street_address,
            "addressLocality": profile.city,
            "addressCountry": profile.country,
        }
        if profile.region:
            address["addressRegion"] = profile.region
        if profile.postal_code:
            address["postalCode"] = profile.postal_code
        data["address"] = address
    data["availableService"] = IMS_THERAPY
    return data


def clinic_reference(profile, request):
    return {
        "@type": ["MedicalClinic", "Physiotherapy"],
        "@id": absolute(request, reverse("education:contact")) + "#clinic",
        "name": profile.name,
    }


def medical_web_page(article, profile, request, language="en", translation_approval=None):
    """An article as a MedicalWebPage about IMS, with who reviewed it and when.

    A translated page is reviewed as its own text: ``lastReviewed`` and
    ``reviewedBy`` then name the clinician who approved the translation and the day
    they did, since that is the text the page shows (the English review may be
    newer than the translation, and would claim a check the translation never had).
    """
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "url": absolute(request, article.get_absolute_url()),
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "inLanguage": bcp47(language),
        "datePublished": article.published_at.date().isoformat(),
        "dateModified": article.updated_at.date().isoformat(),
        "about": IMS_THERAPY,
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "publisher": clinic_reference(profile, request),
    }
    # Who reviewed the page and when come from the clinical sign-off record only; a
    # page published under the urgent override claims no review.
    approval = translation_approval or article.current_approval
    if approval is not None and not article.awaiting_clinical_review:
        data["lastReviewed"] = approval.reviewed_on.isoformat()
        reviewed_by = {
            "@type": "Person",
            "name": approval.reviewer_name,
            "jobTitle": approval.reviewer_credentials,
        }
        if approval.reviewer_registration:
            reviewed_by["hasCredential"] = {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "license",
                "name": approval.reviewer_registration,
            }
        data["reviewedBy"] = reviewed_by
    if article.author_name:
        data["author"] = {"@type": "Person", "name": article.author_name}
    if article.lead_image and article.lead_image.share_url:
        data["image"] = absolute(request, article.lead_image.share_url)
    return data


def faq_page(faqs, request, language="en"):
    """The questions and answers exactly as the page lists them."""
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "url": absolute(request, reverse("education:faq")),
        "inLanguage": bcp47(language),
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": html_to_text(faq.answer_html),
                },
            }
            for faq in faqs
        ],
    }


def breadcrumb_list(crumbs, request):
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": absolute(request, crumb.url),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def glossary(terms, request):
    """The glossary as a DefinedTermSet, one DefinedTerm per word shown."""
    url = absolute(request, reverse("education:glossary"))
    return {
        "@context": SCHEMA,
        "@type": "DefinedTermSet",
        "@id": url,
        "name": "Words you may meet",
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "name": term.term,
                "description": term.definition,
                "url": f"{url}#{term.slug}",
                "inDefinedTermSet": url,
            }
            for term in terms
        ],
    }
