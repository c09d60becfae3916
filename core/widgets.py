from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.timezones import available_time_zones


class LongSelect(forms.Select):
    """A <select> for hundreds of options (time zones, organisations) rendered without a template per option.

    Django renders each option through its own template, which costs hundreds of milliseconds for the
    ~600 IANA time zones. This widget renders the same markup with plain string joins, groups of choices
    (``(group label, [(value, label), ...])``) as <optgroup>.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = self.selected_values(value)
        options = []
        for option_value, label in self.option_pairs(value):
            if isinstance(label, list | tuple):
                group = "".join(self.render_one(inner, text, selected) for inner, text in label)
                options.append(f'<optgroup label="{escape(option_value)}">{group}</optgroup>')
            else:
                options.append(self.render_one(option_value, label, selected))
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(options)))  # noqa: S308

    def option_pairs(self, value):
        return self.choices

    @staticmethod
    def selected_values(value):
        return {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None}

    @staticmethod
    def render_one(option_value, label, selected):
        option_value = "" if option_value is None else str(option_value)
        marker = " selected" if option_value in selected else ""
        return f'<option value="{escape(option_value)}"{marker}>{escape(label)}</option>'


class TimeZoneSelect(LongSelect):
    """The time-zone picker: current zones grouped by region. A real zone the choices do not offer (a stored
    older name such as Asia/Calcutta) is shown as its own first option, selected, so saving the form keeps it."""

    def option_pairs(self, value):
        pairs = list(self.choices)
        current = "" if value in (None, "") else str(value)
        offered = set()
        for option_value, label in pairs:
            group = label if isinstance(label, list | tuple) else [(option_value, label)]
            offered.update(str(inner) for inner, _text in group)
        if current and current not in offered and current in available_time_zones():
            blank = 1 if pairs and pairs[0][0] in ("", None) else 0
            pairs.insert(blank, (current, current))
        return pairs
