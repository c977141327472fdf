{#- KPB configuration: every [I]/[U] parameter of the KPB models is a dbt var with its default here, in one place.
    Override with --vars or in dbt_project.yml (vars: kpb_ytterfall_grans: 800000). See macros/_kpb_macros.yml. -#}

{% macro kpb_var(name) -%}
    {%- set defaults = {
        'kpb_max_ordning': 5,
        'kpb_volymtyp': {},
        'kpb_lss_omraden': ['lss'],
        'kpb_aldersgrans_aldreomsorg': 65,
        'kpb_ytterfall_grans': 1000000,
    } -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("kpb_var: unknown KPB parameter '" ~ name ~ "'") }}
    {%- endif -%}
    {%- set value = var(name, defaults[name]) -%}
    {#- a var given on the command line is YAML, so a number stays a number; a string where the default is not one
        (e.g. sqlfluff's templater, whose var() returns a placeholder string) falls back to the default -#}
    {%- if value is string and defaults[name] is not string -%}
        {{ return(defaults[name]) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{#- The volume type (beviljad / utford) that the unit cost of an insats is computed on: the var kpb_volymtyp
    ({'HT': 'utford'}, or {'*': 'utford'} for every insats) overrides the seed column kpb_standardinsatser.volymtyp. -#}
{% macro kpb_volymtyp_anvand(insats_kod, seed_volymtyp) -%}
    {%- set overrides = kpb_var('kpb_volymtyp') -%}
    {%- for value in overrides.values() -%}
        {%- if value not in ('beviljad', 'utford') -%}
            {{ exceptions.raise_compiler_error(
                "kpb_volymtyp: volume type must be 'beviljad' or 'utford', got '" ~ value ~ "'") }}
        {%- endif -%}
    {%- endfor -%}
    {%- set per_insats = [] -%}
    {%- for insats, value in overrides.items() if insats != '*' -%}
        {%- do per_insats.append("when " ~ insats_kod ~ " = '" ~ insats ~ "' then '" ~ value ~ "'") -%}
    {%- endfor -%}
    {%- set standard = ("'" ~ overrides['*'] ~ "'") if '*' in overrides else seed_volymtyp -%}
    {%- if per_insats -%}
        case {{ per_insats | join(' ') }} else {{ standard }} end
    {%- else -%}
        {{ standard }}
    {%- endif -%}
{%- endmacro %}
