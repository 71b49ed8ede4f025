from django.shortcuts import redirect
from django.urls import reverse


class SingleRowAdmin:
    """Admin for a SingleRowModel: no list, no second row, no delete.

    The list page opens the one row's form. While no row is saved, a model whose
    defaults make a valid row (``create_with_defaults = True``: the settings) is
    saved with them first; otherwise (the clinic profile) the list opens the add form.
    """

    create_with_defaults = False

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        row = self.model.objects.filter(pk=1).first()
        if row is None and self.create_with_defaults and self.has_change_permission(request):
            row = self.model.load()
            row.save()
        if row is not None and self.has_view_or_change_permission(request, row):
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[1]))
        if row is None and self.has_add_permission(request):
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        return super().changelist_view(request, extra_context)
