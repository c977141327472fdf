-- The municipalities of this build, with their names from the kommuner seed (schema konfig).
select k.kommun_kod, k.kommun_namn, k.lan_kod, k.lan_namn
from konfig.kommuner as k
where k.kommun_kod in (select kommun_kod from kpb.avstamning union select kommun_kod from indikatorer.utfall)
order by k.kommun_kod
