{#- Helpers of the generic tests in tests/generic/undertryckning.sql: the suppression declaration of the published
    model a test runs on (generic tests receive its relation, not its node). -#}

{#- the declaration of the model under test: the model node whose relation this is (one node's metadata) -#}
{% macro undertryckning_spec(model) -%}
    {%- set hittad = {'spec': {}, 'kolumner': {}, 'nyckel': []} -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model'
                and (node.alias or node.name) | lower == model.identifier | lower
                and node.schema | lower == model.schema | lower -%}
            {%- do hittad.update({'spec': (node.config.meta or {}).get('undertryckning') or {}}) -%}
            {%- for villkor in node.constraints or [] if villkor.type == 'primary_key' -%}
                {%- do hittad['nyckel'].extend(villkor.columns) -%}
            {%- endfor -%}
            {%- for namn, kolumn in node.columns.items() -%}
                {%- set m = (kolumn.get('config') or {}).get('meta') or kolumn.get('meta') or {} -%}
                {%- do hittad['kolumner'].update({namn: m.get('undertryckning') or {}}) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(hittad) }}
{%- endmacro %}

{% macro undertryckning_personer(hittad) -%}
    {%- set personer = [] -%}
    {%- for namn, s in hittad['kolumner'].items() if s.get('personer') -%}{%- do personer.append(namn) -%}{%- endfor -%}
    {%- for r in hittad['spec'].get('rad') or [] if r not in personer -%}{%- do personer.append(r) -%}{%- endfor -%}
    {{ return(personer) }}
{%- endmacro %}

