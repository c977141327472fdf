{#- KPB configuration helpers. The KPB parameters themselves are read with installning() (macros/installningar.sql). -#}

{#- The volume type (beviljad / utford) that the unit cost of an insats is computed on: the var kpb_volymtyp
    ({'HT': 'utford'}, or {'*': 'utford'} for every insats) overrides the seed column kpb_standardinsatser.volymtyp. -#}
{% macro kpb_volymtyp_anvand(insats_kod, seed_volymtyp) -%}
    {%- set overrides = installning('kpb_volymtyp') -%}
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

{#- the forecast method of kpb.budgetutfall (var kpb_prognosmetod), checked: foregaende_ars_profil or linjar -#}
{% macro kpb_prognosmetod() -%}
    {%- set metod = installning('kpb_prognosmetod') -%}
    {%- if metod not in ('foregaende_ars_profil', 'linjar') and exceptions is defined -%}
        {{ exceptions.raise_compiler_error("kpb_prognosmetod: '" ~ metod
            ~ "' is neither foregaende_ars_profil nor linjar") }}
    {%- endif -%}
    {{ return(metod) }}
{%- endmacro %}
