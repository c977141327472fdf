-- The standardinsatslista: insats names and units for the KPB pages.
select insats_kod, insats_namn, omrade, mattenhet, volymtyp, is_brukarrelaterad
from konfig.kpb_standardinsatser
order by insats_kod
