"""What each language says, in the words its authorities use.

Every phrase here is written for this corpus; offences are worded the way each
legal language words them (the taxonomy ids are only the labels).
"""

from __future__ import annotations

L: dict[str, dict] = {}

L["en"] = {
    "nat": {
        "IE": "Irish",
        "MT": "Maltese",
        "CY": "Cypriot",
        "NG": "Nigerian",
        "KE": "Kenyan",
        "GB": "British",
    },
    "role": {
        "suspect": "suspect",
        "accused": "accused",
        "witness": "witness",
        "holder": "account holder",
        "sought": "person sought",
    },
    "f": {
        "surname": "Surname",
        "given": "Forename(s)",
        "name": "Name",
        "dob": "Date of birth",
        "pob": "Place of birth",
        "nat": "Nationality",
        "passport": "Passport No.",
        "address": "Address",
        "sex": "Sex",
        "M": "male",
        "F": "female",
        "role": "Status",
        "bank": "Bank",
        "holder": "Holder",
        "account": "Account number",
    },
    "off": {
        "art15": ["bribery of a public official", "corruption of a public official (passive bribery)"],
        "art16": ["bribery of a foreign public official"],
        "art17": ["embezzlement of public funds", "misappropriation of public property by a public officer"],
        "art18": ["trading in influence"],
        "art19": ["abuse of office"],
        "art20": ["illicit enrichment"],
        "art21": ["bribery in the private sector", "corruptly giving a secret commission"],
        "art22": ["embezzlement by an employee", "theft by a company director"],
        "art23": ["money laundering", "laundering the proceeds of crime"],
        "art24": ["concealment of criminal property"],
        "art25": ["obstruction of justice", "perverting the course of justice"],
        "other": ["fraud", "false accounting", "tax evasion"],
    },
    "meas": {
        "taking_evidence": (
            "take a witness statement from {p} about the payments described above",
            "taking statements from witnesses or suspects",
        ),
        "service_of_documents": ("serve the enclosed summons on {p}", "service of procedural documents"),
        "search_and_seizure": (
            "search the business premises of {co} in the Reference State and seize documents and electronic devices relating to the contract",
            "search and seizure",
        ),
        "freezing": (
            "freeze the funds held in account {a} and any other assets of {p} up to {amount}",
            "freezing of assets",
        ),
        "examining_objects": (
            "inspect the vessel and the warehouse used by {co} and record their condition",
            "examination of objects or sites",
        ),
        "expert_evaluation": (
            "provide an expert valuation of the real estate purchased by {p}",
            "expert evaluation",
        ),
        "documents_records": (
            "obtain from the companies register certified copies of the incorporation documents and annual returns of {co}",
            "company or public records",
        ),
        "bank_records": (
            "obtain from {bank} the account opening documents, statements and beneficial owner details of account {a}",
            "banking information",
        ),
        "trace_proceeds": (
            "identify and trace any property or proceeds held in the Reference State by {p}",
            "identification and tracing of proceeds",
        ),
        "facilitate_appearance": (
            "facilitate the voluntary appearance of {p} as a witness before the court in {city}",
            "appearance of a witness in the requesting State",
        ),
        "videoconference": (
            "arrange for {p} to be heard as a witness by videoconference",
            "hearing by videoconference",
        ),
        "confiscation": (
            "enforce the enclosed confiscation order against the property of {p}",
            "enforcement of a confiscation order",
        ),
        "asset_return": (
            "return the confiscated funds to {state} under Article 57 UNCAC",
            "return of confiscated assets",
        ),
        "locate_persons": ("locate {p}, whose present address is unknown", "locating a person"),
    },
    "proc": {
        "criminal": ("a criminal investigation", "criminal proceedings"),
        "civil": ("civil proceedings for the recovery of assets", "civil proceedings"),
        "administrative": (
            "administrative proceedings concerning the asset declarations of public officials",
            "administrative proceedings",
        ),
    },
    "subject": "{Auth} is conducting {proc} (case No. {case}) against {suspects} concerning {offences}.",
    "facts": (
        "{s1} served as {office} of the {inst} from {d0} to {d1}. In that period the {inst} awarded {co} a contract worth {amount}. "
        "It is alleged that {s1} received payments from {co} in return for the award of the contract and that the money was moved abroad to hide its origin."
    ),
    "transfer": "On {d} the sum of {amount} was transferred to account {a} at {bank}, held by {h}.",
    "offices": ["Permanent Secretary", "Director of Procurement", "Chief Executive Officer"],
    "insts": ["Ministry of Roads and Transport", "National Health Insurance Fund", "Ports Authority"],
    "offence_sentence": "The facts constitute {offences} under the law of {state}.",
    "purpose": {
        "criminal": [
            "The evidence is needed for use at the trial of the suspects.",
            "The information will be used to decide whether charges should be brought.",
        ],
        "civil": [
            "The information is needed to establish the claim for recovery of the assets before the civil court."
        ],
        "administrative": [
            "The information will be used in the administrative review of the asset declarations."
        ],
    },
    "urgent_deadline": [
        "URGENT: {s1} is in pre-trial detention until {d}; the request should be executed before that date.",
        "Execution is requested before {d}, when the limitation period expires.",
    ],
    "urgent_plain": ["This request is urgent because the funds may be moved at any moment."],
    "not_urgent": ["This request is not urgent.", "There is no particular urgency."],
    "basis": {
        "uncac": "the United Nations Convention against Corruption",
        "untoc": "the United Nations Convention against Transnational Organized Crime",
        "bilateral_treaty": "the Treaty on Mutual Legal Assistance in Criminal Matters between {state} and the Reference State",
        "regional": "the European Convention on Mutual Assistance in Criminal Matters of 1959",
        "reciprocity": "the principle of reciprocity",
    },
    "basis_sentence": "This request is made under {bases}.",
    "h": {
        "requesting_authority": ["Requesting authority", "Authority making the request"],
        "subject_matter": ["Nature of the proceedings", "Subject matter"],
        "facts_summary": ["Summary of the facts", "Background"],
        "offences": ["Offences", "Legal qualification"],
        "assistance_sought": ["Assistance requested", "Measures sought"],
        "person_identity": ["Persons concerned", "Identity of the persons"],
        "accounts": ["Bank accounts"],
        "purpose": ["Purpose of the request", "Reasons for the request"],
        "urgency": ["Urgency", "Time limits"],
        "legal_basis": ["Legal basis"],
        "confidentiality": ["Confidentiality"],
    },
    "auth_sentence": "This request is made by the {auth}, {city}, {state}.",
    "confidential": "It is requested that the existence of this request not be disclosed to the persons concerned.",
    "ask_intro": "The competent authorities of the Reference State are requested to:",
    "persons_intro": "The persons concerned are:",
    "accounts_intro": "The following accounts are concerned:",
    "to": "Ministry of Justice, Department of International Legal Cooperation, Central Authority of the Reference State",
    "dear": "Dear Sir or Madam,",
    "close": "Yours faithfully,",
    "signer": ["Chief Prosecutor", "Senior State Counsel", "Director of Investigations"],
    "signer_names": ["A. Murphy", "P. Zammit", "J. Mwangi"],
    "compl": (
        "The {emb} presents its compliments to the Ministry of Foreign Affairs of the Reference State and has the honour to transmit herewith a request for {what} "
        "from the {auth}, {city}."
    ),
    "compl_end": "The {emb} avails itself of this opportunity to renew to the Ministry of Foreign Affairs of the Reference State the assurances of its highest consideration.",
    "emb": "Embassy of {state}",
    "note": "NOTE VERBALE",
    "what": {"mla": "mutual legal assistance", "extradition": "the extradition of {p}"},
    "lr_open": "LETTER OF REQUEST",
    "lr_intro": (
        "I, {signer}, {title} of the {auth}, have the honour to request the judicial authorities of the Reference State, "
        "in the interests of justice, to give their assistance in the matter described below."
    ),
    "lr_ask": "I therefore respectfully request that you",
    "lr_end": "I express my gratitude for your cooperation and undertake to render the same assistance in similar cases.",
    "fax": {
        "title": "FAX",
        "to": "To",
        "frm": "From",
        "fax": "Fax",
        "tel": "Tel.",
        "date": "Date",
        "pages": "Pages (incl. cover)",
        "re": "Re",
        "urgent": "Urgent",
        "review": "For review",
        "comment": "Please comment",
        "reply": "Please reply",
        "note": "If you do not receive all pages, please call the sender.",
    },
    "yes": "Yes",
    "no": "No",
    "page": "Page",
    "translation": "TRANSLATION",
    "translation_note": "Translation from {src} into English",
    "ref": "Our ref.",
    "date_w": "Date",
    "reqtitle": {"mla": "Request for mutual legal assistance", "extradition": "Request for extradition"},
    "ext_ask": "The extradition of {p} is requested for the purpose of criminal prosecution for the offences described above.",
    "ext_arrest": "The Reference State is requested to arrange for the provisional arrest of {p} pending the formal request.",
}

L["fr"] = {
    "nat": {
        "FR": "française",
        "BE": "belge",
        "LU": "luxembourgeoise",
        "SN": "sénégalaise",
        "CI": "ivoirienne",
    },
    "role": {
        "suspect": "mis en cause",
        "accused": "prévenu",
        "witness": "témoin",
        "holder": "titulaire du compte",
        "sought": "personne recherchée",
    },
    "f": {
        "surname": "Nom",
        "given": "Prénom(s)",
        "name": "Nom et prénom",
        "dob": "Date de naissance",
        "pob": "Lieu de naissance",
        "nat": "Nationalité",
        "passport": "Passeport n°",
        "address": "Adresse",
        "sex": "Sexe",
        "M": "masculin",
        "F": "féminin",
        "role": "Qualité",
        "bank": "Banque",
        "holder": "Titulaire",
        "account": "Numéro de compte",
    },
    "off": {
        "art15": ["corruption passive d'agent public", "corruption d'agent public"],
        "art16": ["corruption d'agent public étranger"],
        "art17": [
            "détournement de fonds publics",
            "soustraction de biens publics par une personne dépositaire de l'autorité publique",
        ],
        "art18": ["trafic d'influence"],
        "art19": ["abus de fonction"],
        "art20": ["enrichissement illicite"],
        "art21": ["corruption privée"],
        "art22": ["abus de confiance", "abus de biens sociaux"],
        "art23": ["blanchiment", "blanchiment de capitaux"],
        "art24": ["recel"],
        "art25": ["subornation de témoin", "entrave à l'exercice de la justice"],
        "other": ["escroquerie", "faux et usage de faux", "fraude fiscale"],
    },
    "meas": {
        "taking_evidence": (
            "procéder à l'audition de {p} sur les paiements décrits ci-dessus",
            "audition de témoins ou de suspects",
        ),
        "service_of_documents": (
            "notifier à {p} la citation à comparaître ci-jointe",
            "notification d'actes de procédure",
        ),
        "search_and_seizure": (
            "procéder à une perquisition dans les locaux de {co} et saisir tout document ou support informatique relatif au marché",
            "perquisition et saisie",
        ),
        "freezing": (
            "procéder au gel des avoirs inscrits au compte {a} et de tout autre bien de {p} à hauteur de {amount}",
            "gel ou saisie conservatoire d'avoirs",
        ),
        "examining_objects": (
            "procéder à l'examen des entrepôts utilisés par {co} et en dresser constat",
            "examen d'objets ou de lieux",
        ),
        "expert_evaluation": (
            "faire procéder à une expertise de la valeur des biens immobiliers acquis par {p}",
            "expertise",
        ),
        "documents_records": (
            "obtenir du registre du commerce les statuts et comptes annuels de {co}",
            "documents de registres publics ou de sociétés",
        ),
        "bank_records": (
            "obtenir de {bank} les documents d'ouverture, les relevés et l'identité de l'ayant droit économique du compte {a}",
            "informations bancaires",
        ),
        "trace_proceeds": (
            "identifier et localiser tout bien ou produit détenu dans l'État requis par {p}",
            "identification et dépistage des produits du crime",
        ),
        "facilitate_appearance": (
            "faciliter la comparution volontaire de {p} comme témoin devant la juridiction de {city}",
            "comparution de personnes dans l'État requérant",
        ),
        "videoconference": (
            "organiser l'audition de {p} comme témoin par vidéoconférence",
            "audition par vidéoconférence",
        ),
        "confiscation": (
            "exécuter la décision de confiscation ci-jointe sur les biens de {p}",
            "exécution d'une décision de confiscation",
        ),
        "asset_return": (
            "restituer à {state} les fonds confisqués conformément à l'article 57 de la CNUCC",
            "restitution des avoirs confisqués",
        ),
        "locate_persons": (
            "localiser {p}, dont l'adresse actuelle est inconnue",
            "localisation de personnes",
        ),
    },
    "proc": {
        "criminal": ("une information judiciaire", "procédure pénale"),
        "civil": ("une action civile en recouvrement d'avoirs", "procédure civile"),
        "administrative": (
            "une procédure administrative relative aux déclarations de patrimoine",
            "procédure administrative",
        ),
    },
    "subject": "{Auth} conduit {proc} (dossier n° {case}) à l'encontre de {suspects} du chef de {offences}.",
    "facts": (
        "{s1} a exercé les fonctions de {office} de l'{inst} du {d0} au {d1}. Durant cette période, l'{inst} a attribué à {co} un marché d'un montant de {amount}. "
        "Il est reproché à {s1} d'avoir perçu des sommes versées par {co} en contrepartie de l'attribution de ce marché, sommes ensuite transférées à l'étranger pour en dissimuler l'origine."
    ),
    "transfer": "Le {d}, la somme de {amount} a été virée sur le compte {a} ouvert auprès de {bank} au nom de {h}.",
    "offices": ["directeur général", "directeur des marchés publics", "secrétaire général"],
    "insts": ["Office national des routes", "Agence de gestion des infrastructures", "Office portuaire"],
    "offence_sentence": "Ces faits sont susceptibles de recevoir la qualification de {offences} au regard du droit de {state}.",
    "purpose": {
        "criminal": [
            "Les éléments recueillis sont destinés à établir la responsabilité pénale des mis en cause en vue de leur renvoi devant la juridiction de jugement."
        ],
        "civil": [
            "Les informations sont nécessaires pour établir la créance de l'État devant le juge civil."
        ],
        "administrative": [
            "Les informations serviront à l'examen administratif des déclarations de patrimoine."
        ],
    },
    "urgent_deadline": [
        "URGENT : {s1} est placé en détention provisoire jusqu'au {d} ; l'exécution est demandée avant cette date.",
        "L'exécution est demandée avant le {d}, date d'acquisition de la prescription.",
    ],
    "urgent_plain": ["La présente demande revêt un caractère urgent, les fonds risquant d'être transférés."],
    "not_urgent": ["La présente demande ne présente pas de caractère d'urgence.", "Demande non urgente."],
    "basis": {
        "uncac": "la Convention des Nations Unies contre la corruption",
        "untoc": "la Convention des Nations Unies contre la criminalité transnationale organisée",
        "bilateral_treaty": "la Convention d'entraide judiciaire en matière pénale entre {state} et l'État requis",
        "regional": "la Convention européenne d'entraide judiciaire en matière pénale du 20 avril 1959",
        "reciprocity": "la réciprocité",
    },
    "basis_sentence": "La présente demande est fondée sur {bases}.",
    "h": {
        "requesting_authority": ["Autorité requérante", "Autorité dont émane la demande"],
        "subject_matter": ["Objet et nature de la procédure", "Objet de la procédure"],
        "facts_summary": ["Exposé des faits", "Résumé des faits"],
        "offences": ["Qualification juridique", "Infractions"],
        "assistance_sought": ["Actes sollicités", "Entraide demandée"],
        "person_identity": ["Personnes concernées", "Identité des personnes"],
        "accounts": ["Comptes bancaires"],
        "purpose": ["But de la demande", "Motifs de la demande"],
        "urgency": ["Urgence", "Délais"],
        "legal_basis": ["Fondement juridique"],
        "confidentiality": ["Confidentialité"],
    },
    "auth_sentence": "La présente demande émane du {auth}, {city}, {state}.",
    "confidential": "Il est demandé que l'existence de la présente demande ne soit pas portée à la connaissance des personnes concernées.",
    "ask_intro": "Il est demandé aux autorités compétentes de l'État requis de :",
    "persons_intro": "Les personnes concernées sont :",
    "accounts_intro": "Les comptes concernés sont les suivants :",
    "to": "Ministère de la Justice, Département de la coopération juridique internationale, Autorité centrale de l'État requis",
    "dear": "Madame, Monsieur,",
    "close": "Je vous prie d'agréer l'expression de ma haute considération.",
    "signer": ["Procureur de la République financier", "Juge d'instruction", "Premier substitut"],
    "signer_names": ["C. Dubreuil", "M. Sarr", "A. Wauters"],
    "compl": (
        "L'{emb} présente ses compliments au Ministère des Affaires étrangères de l'État requis et a l'honneur de lui transmettre ci-joint une demande de {what} "
        "émanant du {auth}, {city}."
    ),
    "compl_end": "L'{emb} saisit cette occasion pour renouveler au Ministère des Affaires étrangères de l'État requis les assurances de sa très haute considération.",
    "emb": "Ambassade de {state}",
    "note": "NOTE VERBALE",
    "what": {"mla": "entraide judiciaire en matière pénale", "extradition": "extradition de {p}"},
    "lr_open": "COMMISSION ROGATOIRE INTERNATIONALE",
    "lr_intro": (
        "Nous, {signer}, {title} près le {auth}, avons l'honneur de prier les autorités judiciaires de l'État requis de bien vouloir prêter leur concours "
        "dans l'affaire exposée ci-après."
    ),
    "lr_ask": "En conséquence, nous prions les autorités judiciaires de l'État requis de bien vouloir",
    "lr_end": "Nous vous remercions de votre concours et vous assurons de la réciprocité.",
    "fax": {
        "title": "TÉLÉCOPIE",
        "to": "Destinataire",
        "frm": "Expéditeur",
        "fax": "Télécopie",
        "tel": "Tél.",
        "date": "Date",
        "pages": "Nombre de pages (y compris celle-ci)",
        "re": "Objet",
        "urgent": "Urgent",
        "review": "Pour examen",
        "comment": "Pour avis",
        "reply": "Réponse souhaitée",
        "note": "En cas de réception incomplète, merci de prévenir l'expéditeur.",
    },
    "yes": "Oui",
    "no": "Non",
    "page": "Page",
    "translation": "TRADUCTION",
    "translation_note": "Traduction de l'original {src} en français",
    "ref": "Réf.",
    "date_w": "Date",
    "reqtitle": {
        "mla": "Demande d'entraide judiciaire internationale en matière pénale",
        "extradition": "Demande d'extradition",
    },
    "ext_ask": "L'extradition de {p} est demandée aux fins de poursuites pénales pour les faits exposés ci-dessus.",
    "ext_arrest": "Il est demandé à l'État requis de procéder à l'arrestation provisoire de {p} dans l'attente de la demande formelle.",
}

L["es"] = {
    "nat": {"ES": "española", "AR": "argentina", "CO": "colombiana", "PE": "peruana", "MX": "mexicana"},
    "role": {
        "suspect": "investigado",
        "accused": "imputado",
        "witness": "testigo",
        "holder": "titular de la cuenta",
        "sought": "persona reclamada",
    },
    "f": {
        "surname": "Apellidos",
        "given": "Nombre(s)",
        "name": "Nombre y apellidos",
        "dob": "Fecha de nacimiento",
        "pob": "Lugar de nacimiento",
        "nat": "Nacionalidad",
        "passport": "Pasaporte n.º",
        "address": "Domicilio",
        "sex": "Sexo",
        "M": "masculino",
        "F": "femenino",
        "role": "Calidad",
        "bank": "Banco",
        "holder": "Titular",
        "account": "Número de cuenta",
    },
    "off": {
        "art15": ["cohecho pasivo", "cohecho"],
        "art16": ["cohecho de funcionario público extranjero", "soborno transnacional"],
        "art17": ["malversación de caudales públicos", "peculado"],
        "art18": ["tráfico de influencias"],
        "art19": ["abuso de autoridad", "prevaricación administrativa"],
        "art20": ["enriquecimiento ilícito"],
        "art21": ["corrupción entre particulares"],
        "art22": ["administración desleal", "apropiación indebida"],
        "art23": ["blanqueo de capitales", "lavado de activos"],
        "art24": ["encubrimiento"],
        "art25": ["obstrucción a la justicia"],
        "other": ["estafa", "falsedad documental", "defraudación tributaria"],
    },
    "meas": {
        "taking_evidence": (
            "tomar declaración a {p} sobre los pagos descritos",
            "toma de declaración de testigos o investigados",
        ),
        "service_of_documents": (
            "notificar a {p} la citación adjunta",
            "notificación de documentos procesales",
        ),
        "search_and_seizure": (
            "practicar la entrada y registro en las oficinas de {co} y la incautación de la documentación y los dispositivos relacionados con el contrato",
            "entrada, registro e incautación",
        ),
        "freezing": (
            "acordar el embargo preventivo de los fondos de la cuenta {a} y de cualquier otro bien de {p} hasta {amount}",
            "embargo o bloqueo de bienes",
        ),
        "examining_objects": (
            "inspeccionar los almacenes utilizados por {co} y dejar constancia de su estado",
            "inspección ocular de objetos o lugares",
        ),
        "expert_evaluation": (
            "realizar una pericial de tasación de los inmuebles adquiridos por {p}",
            "prueba pericial",
        ),
        "documents_records": (
            "obtener del registro mercantil las escrituras de constitución y las cuentas anuales de {co}",
            "documentación registral o societaria",
        ),
        "bank_records": (
            "recabar de {bank} la documentación de apertura, los extractos y la identidad del beneficiario final de la cuenta {a}",
            "información bancaria",
        ),
        "trace_proceeds": (
            "identificar y localizar los bienes o productos que {p} tenga en el Estado requerido",
            "identificación y localización de activos",
        ),
        "facilitate_appearance": (
            "facilitar la comparecencia voluntaria de {p} como testigo ante el tribunal de {city}",
            "comparecencia de personas en el Estado requirente",
        ),
        "videoconference": (
            "disponer la declaración de {p} como testigo por videoconferencia",
            "declaración por videoconferencia",
        ),
        "confiscation": (
            "ejecutar la resolución de decomiso adjunta sobre los bienes de {p}",
            "ejecución de una resolución de decomiso",
        ),
        "asset_return": (
            "restituir a {state} los fondos decomisados conforme al artículo 57 de la CNUCC",
            "restitución de activos decomisados",
        ),
        "locate_persons": ("localizar a {p}, cuyo domicilio actual se desconoce", "localización de personas"),
    },
    "proc": {
        "criminal": ("una investigación penal", "procedimiento penal"),
        "civil": ("un proceso civil de recuperación de activos", "procedimiento civil"),
        "administrative": (
            "un procedimiento administrativo sobre las declaraciones patrimoniales",
            "procedimiento administrativo",
        ),
    },
    "subject": "{Auth} tramita {proc} (causa n.º {case}) contra {suspects} por {offences}.",
    "facts": (
        "{s1} desempeñó el cargo de {office} de la {inst} desde el {d0} hasta el {d1}. En ese período la {inst} adjudicó a {co} un contrato por importe de {amount}. "
        "Se atribuye a {s1} haber recibido pagos de {co} a cambio de la adjudicación, fondos que después se trasladaron al extranjero para ocultar su origen."
    ),
    "transfer": "El {d} se transfirió la suma de {amount} a la cuenta {a} de {bank}, cuyo titular es {h}.",
    "offices": ["director general", "jefe de contrataciones", "secretario general"],
    "insts": ["Empresa Nacional de Obras Públicas", "Autoridad Portuaria Nacional", "Caja Nacional de Salud"],
    "offence_sentence": "Los hechos son constitutivos de los delitos de {offences} según la legislación de {state}.",
    "purpose": {
        "criminal": [
            "La prueba se requiere para acreditar los hechos en el juicio oral contra los investigados."
        ],
        "civil": [
            "La información es necesaria para fundar la demanda de recuperación de activos ante el juez civil."
        ],
        "administrative": [
            "La información se utilizará en el procedimiento administrativo de control patrimonial."
        ],
    },
    "urgent_deadline": [
        "URGENTE: {s1} se encuentra en prisión preventiva hasta el {d}; se solicita la ejecución antes de esa fecha.",
        "Se solicita la ejecución antes del {d}, fecha en que prescribe la acción penal.",
    ],
    "urgent_plain": [
        "La presente solicitud es urgente, ya que existe riesgo de que los fondos sean transferidos."
    ],
    "not_urgent": ["La presente solicitud no es urgente.", "No existe urgencia particular."],
    "basis": {
        "uncac": "la Convención de las Naciones Unidas contra la Corrupción",
        "untoc": "la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
        "bilateral_treaty": "el Tratado de Asistencia Judicial en Materia Penal entre {state} y el Estado requerido",
        "regional": "la Convención Interamericana sobre Asistencia Mutua en Materia Penal",
        "reciprocity": "el principio de reciprocidad",
    },
    "basis_sentence": "La presente solicitud se formula al amparo de {bases}.",
    "h": {
        "requesting_authority": ["Autoridad requirente", "Autoridad solicitante"],
        "subject_matter": ["Objeto y naturaleza del procedimiento", "Objeto del proceso"],
        "facts_summary": ["Relación de hechos", "Resumen de los hechos"],
        "offences": ["Calificación jurídica", "Delitos"],
        "assistance_sought": ["Diligencias solicitadas", "Asistencia solicitada"],
        "person_identity": ["Personas afectadas", "Identidad de las personas"],
        "accounts": ["Cuentas bancarias"],
        "purpose": ["Finalidad de la solicitud", "Motivo de la solicitud"],
        "urgency": ["Urgencia", "Plazos"],
        "legal_basis": ["Fundamento jurídico"],
        "confidentiality": ["Confidencialidad"],
    },
    "auth_sentence": "La presente solicitud es formulada por la {auth}, {city}, {state}.",
    "confidential": "Se solicita que no se informe a las personas afectadas de la existencia de esta solicitud.",
    "ask_intro": "Se solicita a las autoridades competentes del Estado requerido que:",
    "persons_intro": "Las personas afectadas son:",
    "accounts_intro": "Las cuentas afectadas son:",
    "to": "Ministerio de Justicia, Departamento de Cooperación Jurídica Internacional, Autoridad Central del Estado requerido",
    "dear": "Señoras y señores:",
    "close": "Atentamente,",
    "signer": ["Fiscal Jefe", "Fiscal Provincial", "Juez de Instrucción"],
    "signer_names": ["R. Alcántara", "M. Huamán", "L. Ortega"],
    "compl": (
        "La {emb} saluda atentamente al Ministerio de Relaciones Exteriores del Estado requerido y tiene el honor de remitirle adjunta una solicitud de {what} "
        "formulada por la {auth}, {city}."
    ),
    "compl_end": "La {emb} aprovecha la oportunidad para reiterar al Ministerio de Relaciones Exteriores del Estado requerido las seguridades de su más alta y distinguida consideración.",
    "emb": "Embajada de {state}",
    "note": "NOTA VERBAL",
    "what": {"mla": "asistencia judicial en materia penal", "extradition": "extradición de {p}"},
    "lr_open": "EXHORTO INTERNACIONAL",
    "lr_intro": (
        "{signer}, {title} de la {auth}, tiene el honor de dirigirse a las autoridades judiciales del Estado requerido para rogarles su auxilio en el asunto que a continuación se expone."
    ),
    "lr_ask": "Por lo expuesto, se ruega a las autoridades judiciales del Estado requerido que se sirvan",
    "lr_end": "Se agradece de antemano su colaboración, ofreciendo reciprocidad en casos análogos.",
    "fax": {
        "title": "FAX",
        "to": "Para",
        "frm": "De",
        "fax": "Fax",
        "tel": "Tel.",
        "date": "Fecha",
        "pages": "N.º de páginas (incluida esta)",
        "re": "Asunto",
        "urgent": "Urgente",
        "review": "Para revisión",
        "comment": "Para comentarios",
        "reply": "Responder",
        "note": "Si no recibe todas las páginas, llame al remitente.",
    },
    "yes": "Sí",
    "no": "No",
    "page": "Página",
    "translation": "TRADUCCIÓN",
    "translation_note": "Traducción del original en {src} al español",
    "ref": "Ref.",
    "date_w": "Fecha",
    "reqtitle": {
        "mla": "Solicitud de asistencia judicial en materia penal",
        "extradition": "Solicitud de extradición",
    },
    "ext_ask": "Se solicita la extradición de {p} para su enjuiciamiento por los hechos descritos.",
    "ext_arrest": "Se solicita la detención preventiva de {p} con fines de extradición hasta la presentación de la solicitud formal.",
}

L["pt"] = {
    "nat": {"PT": "portuguesa", "BR": "brasileira", "AO": "angolana", "MZ": "moçambicana"},
    "role": {
        "suspect": "suspeito",
        "accused": "arguido",
        "witness": "testemunha",
        "holder": "titular da conta",
        "sought": "pessoa procurada",
    },
    "f": {
        "surname": "Apelido",
        "given": "Nome(s) próprio(s)",
        "name": "Nome completo",
        "dob": "Data de nascimento",
        "pob": "Local de nascimento",
        "nat": "Nacionalidade",
        "passport": "Passaporte n.º",
        "address": "Morada",
        "sex": "Sexo",
        "M": "masculino",
        "F": "feminino",
        "role": "Qualidade",
        "bank": "Banco",
        "holder": "Titular",
        "account": "Número de conta",
    },
    "off": {
        "art15": ["corrupção passiva", "corrupção passiva para ato ilícito"],
        "art16": ["corrupção ativa de funcionário estrangeiro"],
        "art17": ["peculato"],
        "art18": ["tráfico de influência"],
        "art19": ["abuso de poder"],
        "art20": ["enriquecimento ilícito"],
        "art21": ["corrupção no setor privado"],
        "art22": ["abuso de confiança"],
        "art23": ["branqueamento de capitais", "lavagem de dinheiro"],
        "art24": ["ocultação de bens"],
        "art25": ["obstrução da justiça", "coação de testemunha"],
        "other": ["burla qualificada", "falsificação de documento", "fraude fiscal"],
    },
    "meas": {
        "taking_evidence": (
            "inquirir {p} sobre os pagamentos acima descritos",
            "inquirição de testemunhas ou suspeitos",
        ),
        "service_of_documents": ("notificar {p} da citação anexa", "notificação de atos processuais"),
        "search_and_seizure": (
            "realizar busca nas instalações de {co} e apreender documentos e equipamentos informáticos relativos ao contrato",
            "busca e apreensão",
        ),
        "freezing": (
            "proceder ao congelamento dos fundos da conta {a} e de outros bens de {p} até {amount}",
            "congelamento ou arresto de bens",
        ),
        "examining_objects": (
            "examinar os armazéns utilizados por {co} e lavrar auto do seu estado",
            "exame de objetos ou locais",
        ),
        "expert_evaluation": ("realizar perícia de avaliação dos imóveis adquiridos por {p}", "perícia"),
        "documents_records": (
            "obter da conservatória do registo comercial a certidão e as contas anuais de {co}",
            "registos públicos ou societários",
        ),
        "bank_records": (
            "obter junto do {bank} a documentação de abertura, os extratos e a identificação do beneficiário efetivo da conta {a}",
            "informação bancária",
        ),
        "trace_proceeds": (
            "identificar e localizar bens ou produtos detidos por {p} no Estado requerido",
            "identificação e rastreio de produtos do crime",
        ),
        "facilitate_appearance": (
            "facilitar a comparência voluntária de {p} como testemunha perante o tribunal de {city}",
            "comparência de pessoas no Estado requerente",
        ),
        "videoconference": (
            "permitir a inquirição de {p} como testemunha por videoconferência",
            "audição por videoconferência",
        ),
        "confiscation": (
            "executar a decisão de perda de bens anexa sobre os bens de {p}",
            "execução de decisão de perda de bens",
        ),
        "asset_return": (
            "restituir a {state} os fundos declarados perdidos nos termos do artigo 57.º da CNUCC",
            "restituição de bens",
        ),
        "locate_persons": ("localizar {p}, cujo paradeiro atual se desconhece", "localização de pessoas"),
    },
    "proc": {
        "criminal": ("um inquérito criminal", "processo penal"),
        "civil": ("uma ação cível de recuperação de ativos", "processo civil"),
        "administrative": (
            "um processo administrativo relativo às declarações de rendimentos",
            "processo administrativo",
        ),
    },
    "subject": "{Auth} dirige {proc} (processo n.º {case}) contra {suspects} pela prática de {offences}.",
    "facts": (
        "{s1} exerceu as funções de {office} do {inst} entre {d0} e {d1}. Nesse período o {inst} adjudicou a {co} um contrato no valor de {amount}. "
        "Indicia-se que {s1} recebeu pagamentos de {co} como contrapartida da adjudicação, tendo os fundos sido transferidos para o estrangeiro para dissimular a sua origem."
    ),
    "transfer": "Em {d} foi transferida a quantia de {amount} para a conta {a} no {bank}, titulada por {h}.",
    "offices": ["diretor-geral", "diretor de compras públicas", "presidente do conselho de administração"],
    "insts": ["Instituto Nacional de Estradas", "Fundo de Saúde Pública", "Porto Comercial"],
    "offence_sentence": "Os factos são suscetíveis de integrar os crimes de {offences} segundo a lei de {state}.",
    "purpose": {
        "criminal": ["A prova destina-se a ser utilizada no julgamento dos arguidos."],
        "civil": ["A informação é necessária para fundamentar a ação de recuperação de ativos."],
        "administrative": [
            "A informação será utilizada no procedimento administrativo de fiscalização das declarações."
        ],
    },
    "urgent_deadline": [
        "URGENTE: {s1} encontra-se em prisão preventiva até {d}; solicita-se o cumprimento antes dessa data.",
        "Solicita-se o cumprimento antes de {d}, data em que prescreve o procedimento criminal.",
    ],
    "urgent_plain": ["O presente pedido é urgente, havendo risco de dissipação dos fundos."],
    "not_urgent": ["O presente pedido não tem caráter urgente.", "Não há urgência."],
    "basis": {
        "uncac": "a Convenção das Nações Unidas contra a Corrupção",
        "untoc": "a Convenção das Nações Unidas contra a Criminalidade Organizada Transnacional",
        "bilateral_treaty": "o Tratado de Auxílio Judiciário Mútuo em Matéria Penal entre {state} e o Estado requerido",
        "regional": "a Convenção de Auxílio Judiciário em Matéria Penal entre os Estados Membros da CPLP",
        "reciprocity": "o princípio da reciprocidade",
    },
    "basis_sentence": "O presente pedido é formulado ao abrigo de {bases}.",
    "h": {
        "requesting_authority": ["Autoridade requerente", "Entidade requerente"],
        "subject_matter": ["Objeto e natureza do processo", "Objeto do processo"],
        "facts_summary": ["Descrição dos factos", "Resumo dos factos"],
        "offences": ["Qualificação jurídica", "Crimes"],
        "assistance_sought": ["Diligências solicitadas", "Auxílio pedido"],
        "person_identity": ["Pessoas visadas", "Identificação das pessoas"],
        "accounts": ["Contas bancárias"],
        "purpose": ["Finalidade do pedido", "Fundamento do pedido"],
        "urgency": ["Urgência", "Prazos"],
        "legal_basis": ["Base legal"],
        "confidentiality": ["Confidencialidade"],
    },
    "auth_sentence": "O presente pedido é formulado pelo {auth}, {city}, {state}.",
    "confidential": "Solicita-se que as pessoas visadas não sejam informadas da existência do presente pedido.",
    "ask_intro": "Solicita-se às autoridades competentes do Estado requerido que:",
    "persons_intro": "As pessoas visadas são:",
    "accounts_intro": "As contas visadas são:",
    "to": "Ministério da Justiça, Departamento de Cooperação Jurídica Internacional, Autoridade Central do Estado requerido",
    "dear": "Exmos. Senhores,",
    "close": "Com os melhores cumprimentos,",
    "signer": ["Procurador da República", "Procuradora-Geral Adjunta", "Juiz de Instrução Criminal"],
    "signer_names": ["J. Tavares", "H. Mucavele", "A. Kiala"],
    "compl": (
        "A {emb} apresenta os seus cumprimentos ao Ministério dos Negócios Estrangeiros do Estado requerido e tem a honra de remeter em anexo um pedido de {what} "
        "formulado pelo {auth}, {city}."
    ),
    "compl_end": "A {emb} aproveita a oportunidade para renovar ao Ministério dos Negócios Estrangeiros do Estado requerido os protestos da sua mais elevada consideração.",
    "emb": "Embaixada de {state}",
    "note": "NOTA VERBAL",
    "what": {"mla": "auxílio judiciário mútuo em matéria penal", "extradition": "extradição de {p}"},
    "lr_open": "CARTA ROGATÓRIA",
    "lr_intro": (
        "{signer}, {title} do {auth}, tem a honra de solicitar às autoridades judiciárias do Estado requerido o seu auxílio no processo abaixo descrito."
    ),
    "lr_ask": "Pelo exposto, roga-se às autoridades judiciárias do Estado requerido que se dignem",
    "lr_end": "Agradece-se a colaboração, com oferta de reciprocidade.",
    "fax": {
        "title": "FAX",
        "to": "Para",
        "frm": "De",
        "fax": "Fax",
        "tel": "Tel.",
        "date": "Data",
        "pages": "N.º de páginas (incluindo esta)",
        "re": "Assunto",
        "urgent": "Urgente",
        "review": "Para análise",
        "comment": "Para comentário",
        "reply": "Responder",
        "note": "Se não receber todas as páginas, contacte o remetente.",
    },
    "yes": "Sim",
    "no": "Não",
    "page": "Página",
    "translation": "TRADUÇÃO",
    "translation_note": "Tradução do original em {src}",
    "ref": "Ref.ª",
    "date_w": "Data",
    "reqtitle": {
        "mla": "Pedido de auxílio judiciário mútuo em matéria penal",
        "extradition": "Pedido de extradição",
    },
    "ext_ask": "Solicita-se a extradição de {p} para efeitos de procedimento criminal pelos factos descritos.",
    "ext_arrest": "Solicita-se a detenção provisória de {p} para fins de extradição até à apresentação do pedido formal.",
}

L["ru"] = {
    "nat": {
        "RU": "Российская Федерация",
        "KZ": "Республика Казахстан",
        "BY": "Республика Беларусь",
        "KG": "Кыргызская Республика",
    },
    "role": {
        "suspect": "подозреваемый",
        "accused": "обвиняемый",
        "witness": "свидетель",
        "holder": "владелец счета",
        "sought": "разыскиваемое лицо",
    },
    "f": {
        "surname": "Фамилия",
        "given": "Имя, отчество",
        "name": "Ф.И.О.",
        "dob": "Дата рождения",
        "pob": "Место рождения",
        "nat": "Гражданство",
        "passport": "Паспорт №",
        "address": "Адрес",
        "sex": "Пол",
        "M": "мужской",
        "F": "женский",
        "role": "Процессуальный статус",
        "bank": "Банк",
        "holder": "Владелец",
        "account": "Номер счета",
    },
    "off": {
        "art15": ["получение взятки"],
        "art16": ["дача взятки иностранному должностному лицу"],
        "art17": ["присвоение или растрата бюджетных средств"],
        "art18": ["злоупотребление влиянием"],
        "art19": ["злоупотребление должностными полномочиями"],
        "art20": ["незаконное обогащение"],
        "art21": ["коммерческий подкуп"],
        "art22": ["растрата вверенного имущества коммерческой организации"],
        "art23": ["легализация (отмывание) денежных средств, приобретенных преступным путем"],
        "art24": ["сокрытие имущества, добытого преступным путем"],
        "art25": ["воспрепятствование осуществлению правосудия"],
        "other": ["мошенничество в особо крупном размере", "уклонение от уплаты налогов"],
    },
    "meas": {
        "taking_evidence": (
            "допросить {p} в качестве свидетеля об описанных платежах",
            "допрос свидетелей или подозреваемых",
        ),
        "service_of_documents": ("вручить {p} прилагаемую повестку", "вручение процессуальных документов"),
        "search_and_seizure": (
            "провести обыск в офисе {co} и изъять документы и электронные носители, относящиеся к контракту",
            "обыск и выемка",
        ),
        "freezing": (
            "наложить арест на денежные средства на счете {a} и иное имущество {p} в пределах {amount}",
            "арест имущества",
        ),
        "examining_objects": ("провести осмотр складских помещений {co}", "осмотр предметов и мест"),
        "expert_evaluation": ("провести оценочную экспертизу недвижимости, приобретенной {p}", "экспертиза"),
        "documents_records": (
            "истребовать из торгового реестра учредительные документы и годовую отчетность {co}",
            "документы реестров и компаний",
        ),
        "bank_records": (
            "истребовать в {bank} документы об открытии счета {a}, выписки по нему и сведения о бенефициарном владельце",
            "банковская информация",
        ),
        "trace_proceeds": (
            "установить имущество и доходы {p}, находящиеся на территории запрашиваемого государства",
            "розыск доходов от преступлений",
        ),
        "facilitate_appearance": (
            "содействовать добровольной явке {p} в качестве свидетеля в суд г. {city}",
            "явка лиц в запрашивающее государство",
        ),
        "videoconference": (
            "обеспечить допрос {p} в качестве свидетеля посредством видеоконференцсвязи",
            "допрос посредством видеоконференцсвязи",
        ),
        "confiscation": (
            "исполнить прилагаемое решение о конфискации имущества {p}",
            "исполнение решения о конфискации",
        ),
        "asset_return": (
            "возвратить конфискованные средства государству {state} в соответствии со статьей 57 КПК ООН",
            "возврат активов",
        ),
        "locate_persons": ("установить местонахождение {p}", "установление местонахождения лиц"),
    },
    "proc": {
        "criminal": ("уголовное дело", "уголовное производство"),
        "civil": ("гражданское дело о взыскании имущества", "гражданское производство"),
        "administrative": (
            "административное производство по проверке деклараций о доходах",
            "административное производство",
        ),
    },
    "subject": "{Auth} расследует {proc} № {case} в отношении {suspects} по признакам {offences}.",
    "facts": (
        "{s1} в период с {d0} по {d1} занимал должность {office} {inst}. В этот период {inst} заключило с {co} контракт на сумму {amount}. "
        "По версии следствия, {s1} получал от {co} денежные средства за заключение контракта, которые затем были переведены за рубеж с целью сокрытия их происхождения."
    ),
    "transfer": "{d} сумма {amount} была перечислена на счет {a} в {bank}, владелец счета — {h}.",
    "offices": ["генерального директора", "начальника управления закупок", "заместителя министра"],
    "insts": ["ГУП «Дорстрой»", "Фонда обязательного медицинского страхования", "Министерства транспорта"],
    "offence_sentence": "Указанные деяния квалифицируются по законодательству запрашивающего государства как {offences}.",
    "purpose": {
        "criminal": [
            "Запрашиваемые доказательства необходимы для предъявления обвинения и рассмотрения дела в суде."
        ],
        "civil": ["Сведения необходимы для обоснования иска о взыскании имущества."],
        "administrative": ["Сведения будут использованы при проверке деклараций о доходах."],
    },
    "urgent_deadline": [
        "СРОЧНО: срок содержания {s1} под стражей истекает {d}; просим исполнить запрос до этой даты.",
        "Просим исполнить запрос до {d}, когда истекает срок давности.",
    ],
    "urgent_plain": ["Запрос носит срочный характер в связи с риском вывода денежных средств."],
    "not_urgent": ["Запрос не является срочным.", "Срочность: нет."],
    "basis": {
        "uncac": "Конвенции Организации Объединенных Наций против коррупции",
        "untoc": "Конвенции ООН против транснациональной организованной преступности",
        "bilateral_treaty": "двустороннего Договора о правовой помощи по уголовным делам",
        "regional": "Конвенции о правовой помощи и правовых отношениях по гражданским, семейным и уголовным делам (Кишинев, 2002)",
        "reciprocity": "принципа взаимности",
    },
    "basis_sentence": "Настоящий запрос направляется на основании {bases}.",
    "h": {
        "requesting_authority": ["Запрашивающий орган", "Наименование органа"],
        "subject_matter": ["Существо дела", "Предмет и характер расследования"],
        "facts_summary": ["Обстоятельства дела", "Краткое изложение фактов"],
        "offences": ["Квалификация", "Состав преступления"],
        "assistance_sought": ["Запрашиваемые действия", "Содержание просьбы"],
        "person_identity": ["Сведения о лицах", "Лица, в отношении которых направлен запрос"],
        "accounts": ["Банковские счета"],
        "purpose": ["Цель запроса", "Обоснование"],
        "urgency": ["Срочность", "Сроки исполнения"],
        "legal_basis": ["Правовое основание"],
        "confidentiality": ["Конфиденциальность"],
    },
    "auth_sentence": "Запрос направляет {auth}, г. {city}, {state}.",
    "confidential": "Просим не уведомлять лиц, в отношении которых направлен запрос, о его существовании.",
    "ask_intro": "Просим компетентные органы запрашиваемого государства:",
    "persons_intro": "Лица, в отношении которых направлен запрос:",
    "accounts_intro": "Счета:",
    "to": "Министерство юстиции, Департамент международного правового сотрудничества, Центральный орган запрашиваемого государства",
    "dear": "Уважаемые коллеги!",
    "close": "С уважением,",
    "signer": [
        "Старший следователь по особо важным делам",
        "Заместитель Генерального прокурора",
        "Начальник управления",
    ],
    "signer_names": ["И. В. Зайцев", "А. С. Нурланов", "Е. П. Ковалева"],
    "compl": (
        "{emb} свидетельствует свое уважение Министерству иностранных дел запрашиваемого государства и имеет честь препроводить запрос о {what}, "
        "направленный {auth}, г. {city}."
    ),
    "compl_end": "{emb} пользуется случаем, чтобы возобновить Министерству иностранных дел запрашиваемого государства уверения в своем высоком уважении.",
    "emb": "Посольство — {state}",
    "note": "НОТА",
    "what": {"mla": "правовой помощи по уголовному делу", "extradition": "выдаче {p}"},
    "lr_open": "ПОРУЧЕНИЕ О ПРОИЗВОДСТВЕ ПРОЦЕССУАЛЬНЫХ ДЕЙСТВИЙ",
    "lr_intro": (
        "{signer}, {title}, {auth}, обращается к компетентным органам запрашиваемого государства с просьбой об оказании правовой помощи по делу, изложенному ниже."
    ),
    "lr_ask": "В связи с изложенным прошу",
    "lr_end": "Гарантируем взаимность при исполнении аналогичных запросов.",
    "fax": {
        "title": "ФАКС",
        "to": "Кому",
        "frm": "От кого",
        "fax": "Факс",
        "tel": "Тел.",
        "date": "Дата",
        "pages": "Количество листов (включая этот)",
        "re": "Тема",
        "urgent": "Срочно",
        "review": "Для рассмотрения",
        "comment": "Для замечаний",
        "reply": "Прошу ответить",
        "note": "Если получены не все листы, просьба сообщить отправителю.",
    },
    "yes": "Да",
    "no": "Нет",
    "page": "Стр.",
    "translation": "ПЕРЕВОД",
    "translation_note": "Перевод с {src}",
    "ref": "Исх. №",
    "date_w": "Дата",
    "reqtitle": {"mla": "Запрос о правовой помощи по уголовному делу", "extradition": "Запрос о выдаче"},
    "ext_ask": "Просим выдать {p} для привлечения к уголовной ответственности за указанные деяния.",
    "ext_arrest": "Просим взять {p} под стражу в целях выдачи до поступления официального запроса.",
}

L["ar"] = {
    "nat": {"EG": "مصري", "JO": "أردني", "IQ": "عراقي", "AE": "إماراتي", "MA": "مغربي"},
    "role": {
        "suspect": "مشتبه به",
        "accused": "متهم",
        "witness": "شاهد",
        "holder": "صاحب الحساب",
        "sought": "الشخص المطلوب",
    },
    "f": {
        "surname": "اللقب",
        "given": "الاسم",
        "name": "الاسم الكامل",
        "dob": "تاريخ الميلاد",
        "pob": "مكان الميلاد",
        "nat": "الجنسية",
        "passport": "رقم جواز السفر",
        "address": "العنوان",
        "sex": "الجنس",
        "M": "ذكر",
        "F": "أنثى",
        "role": "الصفة",
        "bank": "المصرف",
        "holder": "صاحب الحساب",
        "account": "رقم الحساب",
    },
    "off": {
        "art15": ["الرشوة", "جريمة الرشوة"],
        "art16": ["رشوة موظف عمومي أجنبي"],
        "art17": ["اختلاس الأموال العامة"],
        "art18": ["المتاجرة بالنفوذ", "استغلال النفوذ"],
        "art19": ["إساءة استغلال الوظيفة"],
        "art20": ["الإثراء غير المشروع", "الكسب غير المشروع"],
        "art21": ["الرشوة في القطاع الخاص"],
        "art22": ["اختلاس الممتلكات في القطاع الخاص", "خيانة الأمانة"],
        "art23": ["غسل الأموال"],
        "art24": ["إخفاء المتحصلات الإجرامية"],
        "art25": ["إعاقة سير العدالة"],
        "other": ["الاحتيال", "التزوير في محررات رسمية"],
    },
    "meas": {
        "taking_evidence": ("سماع أقوال {p} بشأن المدفوعات المذكورة", "سماع أقوال الشهود أو المشتبه بهم"),
        "service_of_documents": ("تبليغ {p} بورقة التكليف بالحضور المرفقة", "تبليغ الأوراق القضائية"),
        "search_and_seizure": (
            "تفتيش مقر {co} وضبط المستندات والأجهزة الإلكترونية المتعلقة بالعقد",
            "التفتيش والضبط",
        ),
        "freezing": (
            "تجميد الأموال المودعة في الحساب رقم {a} وسائر أموال {p} في حدود {amount}",
            "تجميد الأموال أو الحجز عليها",
        ),
        "examining_objects": ("معاينة المستودعات التي تستخدمها {co}", "معاينة الأشياء والأماكن"),
        "expert_evaluation": ("ندب خبير لتقدير قيمة العقارات التي اشتراها {p}", "الخبرة الفنية"),
        "documents_records": (
            "الحصول من السجل التجاري على عقد التأسيس والبيانات المالية السنوية لـ{co}",
            "سجلات الشركات والسجلات الرسمية",
        ),
        "bank_records": (
            "الحصول من {bank} على مستندات فتح الحساب رقم {a} وكشوفه وبيانات المستفيد الحقيقي منه",
            "المعلومات المصرفية",
        ),
        "trace_proceeds": (
            "تحديد وتعقب الأموال والمتحصلات العائدة لـ{p} في الدولة المطلوب منها",
            "تحديد المتحصلات الإجرامية وتعقبها",
        ),
        "facilitate_appearance": (
            "تيسير حضور {p} طوعاً للإدلاء بالشهادة أمام المحكمة في {city}",
            "تيسير مثول الأشخاص في الدولة الطالبة",
        ),
        "videoconference": ("سماع شهادة {p} عن طريق الاتصال المرئي", "السماع عن طريق الاتصال المرئي"),
        "confiscation": ("تنفيذ حكم المصادرة المرفق على أموال {p}", "تنفيذ حكم المصادرة"),
        "asset_return": (
            "إعادة الأموال المصادرة إلى {state} وفقاً للمادة 57 من اتفاقية الأمم المتحدة لمكافحة الفساد",
            "إرجاع الموجودات المصادرة",
        ),
        "locate_persons": ("تحديد مكان وجود {p}", "تحديد أماكن الأشخاص"),
    },
    "proc": {
        "criminal": ("تحقيقاً جنائياً", "إجراءات جنائية"),
        "civil": ("دعوى مدنية لاسترداد الأموال", "إجراءات مدنية"),
        "administrative": ("إجراءات إدارية بشأن إقرارات الذمة المالية", "إجراءات إدارية"),
    },
    "subject": "تباشر {Auth} {proc} في القضية رقم {case} ضد {suspects} بتهمة {offences}.",
    "facts": (
        "شغل {s1} منصب {office} في {inst} خلال الفترة من {d0} إلى {d1}. وخلال هذه الفترة أرست {inst} على {co} عقداً بقيمة {amount}. "
        "ويُنسب إلى {s1} أنه تلقى مبالغ من {co} مقابل إرساء العقد، ثم جرى تحويل هذه الأموال إلى الخارج لإخفاء مصدرها غير المشروع."
    ),
    "transfer": "بتاريخ {d} جرى تحويل مبلغ {amount} إلى الحساب رقم {a} لدى {bank} باسم {h}.",
    "offices": ["المدير العام", "مدير المشتريات", "وكيل الوزارة"],
    "insts": ["الهيئة العامة للطرق", "وزارة الصحة", "هيئة الموانئ"],
    "offence_sentence": "وتشكل هذه الوقائع جرائم {offences} وفقاً لقانون {state}.",
    "purpose": {
        "criminal": ["والغرض من الطلب هو الحصول على أدلة لاستخدامها في محاكمة المتهمين."],
        "civil": ["والغرض من الطلب هو إثبات الحق في استرداد الأموال أمام المحكمة المدنية."],
        "administrative": ["وستُستخدم المعلومات في فحص إقرارات الذمة المالية."],
    },
    "urgent_deadline": [
        "عاجل: تنتهي مدة الحبس الاحتياطي لـ{s1} بتاريخ {d}، ونرجو تنفيذ الطلب قبل هذا التاريخ.",
        "نرجو تنفيذ الطلب قبل {d} حيث تنقضي الدعوى الجنائية بالتقادم في هذا التاريخ.",
    ],
    "urgent_plain": ["هذا الطلب عاجل نظراً لخطر تهريب الأموال."],
    "not_urgent": ["هذا الطلب غير عاجل.", "لا توجد صفة استعجال."],
    "basis": {
        "uncac": "اتفاقية الأمم المتحدة لمكافحة الفساد",
        "untoc": "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
        "bilateral_treaty": "اتفاقية التعاون القضائي في المسائل الجنائية المبرمة بين {state} والدولة المطلوب منها",
        "regional": "الاتفاقية العربية لمكافحة الفساد",
        "reciprocity": "مبدأ المعاملة بالمثل",
    },
    "basis_sentence": "يُقدم هذا الطلب استناداً إلى {bases}.",
    "h": {
        "requesting_authority": ["الجهة الطالبة", "السلطة مقدمة الطلب"],
        "subject_matter": ["موضوع الإجراءات وطبيعتها", "موضوع الدعوى"],
        "facts_summary": ["ملخص الوقائع", "الوقائع"],
        "offences": ["التكييف القانوني", "الجرائم"],
        "assistance_sought": ["المساعدة المطلوبة", "الإجراءات المطلوبة"],
        "person_identity": ["الأشخاص المعنيون", "بيانات الأشخاص"],
        "accounts": ["الحسابات المصرفية"],
        "purpose": ["الغرض من الطلب", "أسباب الطلب"],
        "urgency": ["الاستعجال", "المهل"],
        "legal_basis": ["الأساس القانوني"],
        "confidentiality": ["السرية"],
    },
    "auth_sentence": "مقدم هذا الطلب هو {auth}، {city}، {state}.",
    "confidential": "نرجو عدم إعلام الأشخاص المعنيين بوجود هذا الطلب.",
    "ask_intro": "نرجو من السلطات المختصة في الدولة المطلوب منها:",
    "persons_intro": "الأشخاص المعنيون:",
    "accounts_intro": "الحسابات المعنية:",
    "to": "وزارة العدل، إدارة التعاون القانوني الدولي، السلطة المركزية في الدولة المطلوب منها",
    "dear": "تحية طيبة وبعد،",
    "close": "وتفضلوا بقبول فائق الاحترام والتقدير،",
    "signer": ["المحامي العام الأول", "رئيس الهيئة", "رئيس نيابة الأموال العامة"],
    "signer_names": ["المستشار هشام عبد الرحمن", "القاضي سعد الدليمي", "الأستاذ كريم بنعلي"],
    "compl": (
        "تهدي {emb} أطيب تحياتها إلى وزارة الخارجية في الدولة المطلوب منها، وتتشرف بأن تحيل إليها طيه طلب {what} "
        "المقدم من {auth}، {city}."
    ),
    "compl_end": "وتغتنم {emb} هذه المناسبة لتعرب لوزارة الخارجية عن فائق تقديرها واحترامها.",
    "emb": "سفارة {state}",
    "note": "مذكرة شفوية",
    "what": {"mla": "المساعدة القانونية المتبادلة في المسائل الجنائية", "extradition": "تسليم {p}"},
    "lr_open": "إنابة قضائية دولية",
    "lr_intro": (
        "يتشرف {signer}، {title} لدى {auth}، بأن يطلب من السلطات القضائية في الدولة المطلوب منها تقديم المساعدة في القضية المبينة أدناه."
    ),
    "lr_ask": "لذلك نرجو من السلطات القضائية المختصة التفضل بما يلي:",
    "lr_end": "مع الشكر على حسن تعاونكم وتعهدنا بالمعاملة بالمثل.",
    "fax": {
        "title": "فاكس",
        "to": "إلى",
        "frm": "من",
        "fax": "فاكس",
        "tel": "هاتف",
        "date": "التاريخ",
        "pages": "عدد الصفحات شاملة الغلاف",
        "re": "الموضوع",
        "urgent": "عاجل",
        "review": "للاطلاع",
        "comment": "لإبداء الرأي",
        "reply": "للرد",
        "note": "في حال عدم وصول جميع الصفحات يرجى الاتصال بالمرسل.",
    },
    "yes": "نعم",
    "no": "لا",
    "page": "صفحة",
    "translation": "ترجمة",
    "translation_note": "ترجمة من {src}",
    "ref": "الرقم",
    "date_w": "التاريخ",
    "reqtitle": {"mla": "طلب مساعدة قانونية متبادلة في مسألة جنائية", "extradition": "طلب تسليم"},
    "ext_ask": "نطلب تسليم {p} لمحاكمته عن الجرائم المبينة أعلاه.",
    "ext_arrest": "نرجو القبض المؤقت على {p} بغرض التسليم إلى حين ورود الطلب الرسمي.",
}

L["de"] = {
    "nat": {"DE": "deutsch", "AT": "österreichisch", "CH": "schweizerisch", "LI": "liechtensteinisch"},
    "role": {
        "suspect": "Beschuldigter",
        "accused": "Angeklagter",
        "witness": "Zeuge",
        "holder": "Kontoinhaber",
        "sought": "gesuchte Person",
    },
    "f": {
        "surname": "Name",
        "given": "Vorname(n)",
        "name": "Name, Vorname",
        "dob": "Geburtsdatum",
        "pob": "Geburtsort",
        "nat": "Staatsangehörigkeit",
        "passport": "Reisepass Nr.",
        "address": "Anschrift",
        "sex": "Geschlecht",
        "M": "männlich",
        "F": "weiblich",
        "role": "Stellung im Verfahren",
        "bank": "Bank",
        "holder": "Inhaber",
        "account": "Kontonummer",
    },
    "off": {
        "art15": ["Bestechlichkeit", "Vorteilsannahme"],
        "art16": ["Bestechung ausländischer Amtsträger"],
        "art17": ["Veruntreuung öffentlicher Gelder", "Untreue zum Nachteil der öffentlichen Hand"],
        "art18": ["verbotene Intervention", "missbräuchliche Einflussnahme"],
        "art19": ["Amtsmissbrauch"],
        "art20": ["unrechtmäßige Bereicherung"],
        "art21": ["Bestechlichkeit im geschäftlichen Verkehr"],
        "art22": ["Untreue"],
        "art23": ["Geldwäscherei", "Geldwäsche"],
        "art24": ["Verschleierung unrechtmäßig erlangter Vermögenswerte"],
        "art25": ["Strafvereitelung", "Beeinflussung von Zeugen"],
        "other": ["schwerer Betrug", "Steuerhinterziehung", "Urkundenfälschung"],
    },
    "meas": {
        "taking_evidence": (
            "{p} als Zeugen zu den beschriebenen Zahlungen zu vernehmen",
            "Vernehmung von Zeugen oder Beschuldigten",
        ),
        "service_of_documents": (
            "{p} die beigefügte Ladung zuzustellen",
            "Zustellung von Verfahrensurkunden",
        ),
        "search_and_seizure": (
            "die Geschäftsräume der {co} zu durchsuchen und Unterlagen sowie Datenträger zum Auftrag sicherzustellen",
            "Durchsuchung und Beschlagnahme",
        ),
        "freezing": (
            "das Guthaben auf dem Konto {a} und sonstige Vermögenswerte von {p} bis zu {amount} einzufrieren",
            "Vermögenssperre (Einfrieren)",
        ),
        "examining_objects": (
            "die von der {co} genutzten Lagerhallen in Augenschein zu nehmen",
            "Augenschein von Gegenständen oder Orten",
        ),
        "expert_evaluation": (
            "ein Sachverständigengutachten über den Wert der von {p} erworbenen Liegenschaften einzuholen",
            "Sachverständigengutachten",
        ),
        "documents_records": (
            "beim Handelsregister die Gründungsunterlagen und Jahresabschlüsse der {co} beizuschaffen",
            "Register- und Gesellschaftsunterlagen",
        ),
        "bank_records": (
            "bei der {bank} die Kontoeröffnungsunterlagen, Kontoauszüge und Angaben zum wirtschaftlich Berechtigten des Kontos {a} zu erheben",
            "Bankauskünfte",
        ),
        "trace_proceeds": (
            "Vermögenswerte und Erträge von {p} im ersuchten Staat zu ermitteln",
            "Ermittlung von Vermögenswerten",
        ),
        "facilitate_appearance": (
            "das freiwillige Erscheinen von {p} als Zeuge vor dem Gericht in {city} zu ermöglichen",
            "Erscheinen von Personen im ersuchenden Staat",
        ),
        "videoconference": (
            "die Vernehmung von {p} als Zeuge per Videokonferenz zu ermöglichen",
            "Vernehmung per Videokonferenz",
        ),
        "confiscation": (
            "die beigefügte Einziehungsentscheidung gegen das Vermögen von {p} zu vollstrecken",
            "Vollstreckung einer Einziehungsentscheidung",
        ),
        "asset_return": (
            "die eingezogenen Gelder gemäß Artikel 57 UNCAC an {state} zurückzuführen",
            "Rückführung eingezogener Vermögenswerte",
        ),
        "locate_persons": ("den Aufenthaltsort von {p} zu ermitteln", "Aufenthaltsermittlung"),
    },
    "proc": {
        "criminal": ("ein Ermittlungsverfahren", "Strafverfahren"),
        "civil": ("ein Zivilverfahren zur Rückforderung von Vermögenswerten", "Zivilverfahren"),
        "administrative": (
            "ein Verwaltungsverfahren zur Prüfung von Vermögenserklärungen",
            "Verwaltungsverfahren",
        ),
    },
    "subject": "{Auth} führt {proc} (Az. {case}) gegen {suspects} wegen {offences}.",
    "facts": (
        "{s1} war vom {d0} bis zum {d1} als {office} der {inst} tätig. In diesem Zeitraum vergab die {inst} an die {co} einen Auftrag im Wert von {amount}. "
        "{s1} soll von der {co} Zahlungen für die Vergabe des Auftrags erhalten haben; die Gelder wurden anschließend ins Ausland verschoben, um ihre Herkunft zu verschleiern."
    ),
    "transfer": "Am {d} wurde ein Betrag von {amount} auf das Konto {a} bei der {bank}, Inhaber {h}, überwiesen.",
    "offices": ["Geschäftsführer", "Leiter der Beschaffungsabteilung", "Amtsleiter"],
    "insts": ["Landesstraßenbaugesellschaft", "Bundesbeschaffungsstelle", "Stadtwerke Holding"],
    "offence_sentence": "Der Sachverhalt erfüllt nach dem Recht des ersuchenden Staates die Tatbestände der {offences}.",
    "purpose": {
        "criminal": ["Die Beweismittel werden für die Anklageerhebung und die Hauptverhandlung benötigt."],
        "civil": ["Die Auskünfte werden zur Begründung der Rückforderungsklage benötigt."],
        "administrative": [
            "Die Auskünfte dienen der verwaltungsrechtlichen Prüfung der Vermögenserklärungen."
        ],
    },
    "urgent_deadline": [
        "EILT: {s1} befindet sich bis zum {d} in Untersuchungshaft; um Erledigung vor diesem Datum wird gebeten.",
        "Um Erledigung bis zum {d} wird gebeten, da an diesem Tag die Verjährung eintritt.",
    ],
    "urgent_plain": ["Das Ersuchen ist eilbedürftig, da die Gelder jederzeit abgezogen werden können."],
    "not_urgent": ["Eine besondere Eilbedürftigkeit besteht nicht.", "Keine Frist."],
    "basis": {
        "uncac": "das Übereinkommen der Vereinten Nationen gegen Korruption",
        "untoc": "das Übereinkommen der Vereinten Nationen gegen die grenzüberschreitende organisierte Kriminalität",
        "bilateral_treaty": "den Rechtshilfevertrag in Strafsachen zwischen {state} und dem ersuchten Staat",
        "regional": "das Europäische Übereinkommen über die Rechtshilfe in Strafsachen vom 20. April 1959",
        "reciprocity": "die Zusicherung der Gegenseitigkeit",
    },
    "basis_sentence": "Das Ersuchen stützt sich auf {bases}.",
    "h": {
        "requesting_authority": ["Ersuchende Behörde", "Absender"],
        "subject_matter": ["Gegenstand und Art des Verfahrens", "Gegenstand des Verfahrens"],
        "facts_summary": ["Sachverhalt", "Zusammenfassung des Sachverhalts"],
        "offences": ["Rechtliche Würdigung", "Straftatbestände"],
        "assistance_sought": ["Erbetene Rechtshilfehandlungen", "Ersuchen"],
        "person_identity": ["Betroffene Personen", "Personalien"],
        "accounts": ["Bankkonten"],
        "purpose": ["Zweck des Ersuchens", "Begründung"],
        "urgency": ["Eilbedürftigkeit", "Fristen"],
        "legal_basis": ["Rechtsgrundlage"],
        "confidentiality": ["Vertraulichkeit"],
    },
    "auth_sentence": "Das Ersuchen wird gestellt von der {auth}, {city}, {state}.",
    "confidential": "Es wird gebeten, die Betroffenen über das Ersuchen nicht zu unterrichten.",
    "ask_intro": "Die zuständigen Behörden des ersuchten Staates werden gebeten,",
    "persons_intro": "Betroffene Personen:",
    "accounts_intro": "Betroffene Konten:",
    "to": "Justizministerium, Abteilung für internationale Rechtshilfe, Zentrale Behörde des ersuchten Staates",
    "dear": "Sehr geehrte Damen und Herren,",
    "close": "Mit freundlichen Grüßen",
    "signer": ["Oberstaatsanwalt", "Staatsanwältin", "Leitender Oberstaatsanwalt"],
    "signer_names": ["Dr. K. Reiter", "M. Lechner", "Dr. H. Brunner"],
    "compl": (
        "Die {emb} bezeugt dem Außenministerium des ersuchten Staates ihre Hochachtung und beehrt sich, in der Anlage ein Ersuchen um {what} "
        "der {auth}, {city}, zu übermitteln."
    ),
    "compl_end": "Die {emb} benutzt diesen Anlass, das Außenministerium des ersuchten Staates erneut ihrer ausgezeichneten Hochachtung zu versichern.",
    "emb": "Botschaft von {state}",
    "note": "VERBALNOTE",
    "what": {"mla": "Rechtshilfe in Strafsachen", "extradition": "Auslieferung von {p}"},
    "lr_open": "RECHTSHILFEERSUCHEN",
    "lr_intro": (
        "Ich, {signer}, {title} bei der {auth}, ersuche die Justizbehörden des ersuchten Staates um Rechtshilfe in der nachstehend bezeichneten Sache."
    ),
    "lr_ask": "Ich ersuche daher, ",
    "lr_end": "Für Ihre Unterstützung danke ich Ihnen; Gegenseitigkeit wird zugesichert.",
    "fax": {
        "title": "TELEFAX",
        "to": "An",
        "frm": "Von",
        "fax": "Fax",
        "tel": "Tel.",
        "date": "Datum",
        "pages": "Seiten (inkl. Deckblatt)",
        "re": "Betreff",
        "urgent": "Dringend",
        "review": "Zur Prüfung",
        "comment": "Zur Stellungnahme",
        "reply": "Um Rückruf",
        "note": "Sollten Sie nicht alle Seiten erhalten haben, rufen Sie bitte an.",
    },
    "yes": "Ja",
    "no": "Nein",
    "page": "Seite",
    "translation": "ÜBERSETZUNG",
    "translation_note": "Übersetzung aus dem {src}",
    "ref": "Aktenzeichen",
    "date_w": "Datum",
    "reqtitle": {"mla": "Rechtshilfeersuchen in Strafsachen", "extradition": "Auslieferungsersuchen"},
    "ext_ask": "Um Auslieferung von {p} zur Strafverfolgung wegen der beschriebenen Taten wird ersucht.",
    "ext_arrest": "Es wird ersucht, {p} bis zum Eingang des förmlichen Ersuchens in vorläufige Auslieferungshaft zu nehmen.",
}

L["it"] = {
    "nat": {"IT": "italiana", "SM": "sammarinese"},
    "role": {
        "suspect": "indagato",
        "accused": "imputato",
        "witness": "testimone",
        "holder": "titolare del conto",
        "sought": "persona ricercata",
    },
    "f": {
        "surname": "Cognome",
        "given": "Nome",
        "name": "Cognome e nome",
        "dob": "Data di nascita",
        "pob": "Luogo di nascita",
        "nat": "Cittadinanza",
        "passport": "Passaporto n.",
        "address": "Indirizzo",
        "sex": "Sesso",
        "M": "maschile",
        "F": "femminile",
        "role": "Qualità",
        "bank": "Banca",
        "holder": "Intestatario",
        "account": "Numero di conto",
    },
    "off": {
        "art15": ["corruzione per un atto contrario ai doveri d'ufficio", "corruzione"],
        "art16": ["corruzione internazionale"],
        "art17": ["peculato"],
        "art18": ["traffico di influenze illecite"],
        "art19": ["abuso d'ufficio"],
        "art20": ["arricchimento illecito"],
        "art21": ["corruzione tra privati"],
        "art22": ["appropriazione indebita"],
        "art23": ["riciclaggio", "autoriciclaggio"],
        "art24": ["occultamento dei proventi illeciti"],
        "art25": ["intralcio alla giustizia"],
        "other": ["truffa aggravata ai danni dello Stato", "false comunicazioni sociali", "frode fiscale"],
    },
    "meas": {
        "taking_evidence": (
            "assumere a sommarie informazioni {p} sui pagamenti descritti",
            "assunzione di testimonianze o interrogatori",
        ),
        "service_of_documents": ("notificare a {p} l'allegato decreto di citazione", "notificazione di atti"),
        "search_and_seizure": (
            "eseguire una perquisizione presso la sede di {co} e sequestrare documenti e supporti informatici relativi all'appalto",
            "perquisizione e sequestro",
        ),
        "freezing": (
            "disporre il sequestro preventivo delle somme sul conto {a} e di altri beni di {p} fino a {amount}",
            "congelamento o sequestro di beni",
        ),
        "examining_objects": (
            "eseguire un'ispezione dei magazzini utilizzati da {co}",
            "ispezione di cose o luoghi",
        ),
        "expert_evaluation": ("disporre una perizia di stima degli immobili acquistati da {p}", "perizia"),
        "documents_records": (
            "acquisire dal registro delle imprese l'atto costitutivo e i bilanci di {co}",
            "documenti societari o di pubblici registri",
        ),
        "bank_records": (
            "acquisire presso {bank} la documentazione di apertura, gli estratti conto e i dati del titolare effettivo del conto {a}",
            "informazioni bancarie",
        ),
        "trace_proceeds": (
            "individuare e rintracciare beni e proventi di {p} nello Stato richiesto",
            "individuazione dei proventi di reato",
        ),
        "facilitate_appearance": (
            "agevolare la comparizione volontaria di {p} come testimone davanti al tribunale di {city}",
            "comparizione di persone nello Stato richiedente",
        ),
        "videoconference": (
            "consentire l'esame di {p} come testimone in videoconferenza",
            "audizione in videoconferenza",
        ),
        "confiscation": (
            "eseguire l'allegato provvedimento di confisca sui beni di {p}",
            "esecuzione di un provvedimento di confisca",
        ),
        "asset_return": (
            "restituire a {state} le somme confiscate ai sensi dell'articolo 57 UNCAC",
            "restituzione dei beni confiscati",
        ),
        "locate_persons": (
            "rintracciare {p}, di cui non è noto l'attuale domicilio",
            "rintraccio di persone",
        ),
    },
    "proc": {
        "criminal": ("un procedimento penale", "procedimento penale"),
        "civil": ("un giudizio civile per il recupero dei beni", "procedimento civile"),
        "administrative": (
            "un procedimento amministrativo sulle dichiarazioni patrimoniali",
            "procedimento amministrativo",
        ),
    },
    "subject": "{Auth} procede con {proc} (n. {case} R.G.N.R.) nei confronti di {suspects} per i reati di {offences}.",
    "facts": (
        "{s1} ha ricoperto la carica di {office} dell'{inst} dal {d0} al {d1}. In tale periodo l'{inst} ha aggiudicato a {co} un appalto del valore di {amount}. "
        "Si contesta a {s1} di aver ricevuto somme da {co} quale compenso per l'aggiudicazione; le somme sono state poi trasferite all'estero per occultarne la provenienza."
    ),
    "transfer": "In data {d} la somma di {amount} è stata bonificata sul conto {a} presso {bank}, intestato a {h}.",
    "offices": ["direttore generale", "responsabile degli appalti", "dirigente"],
    "insts": ["Azienda Regionale Strade", "Agenzia per le Infrastrutture", "Autorità Portuale"],
    "offence_sentence": "I fatti integrano i reati di {offences} secondo la legge di {state}.",
    "purpose": {
        "criminal": [
            "Gli elementi richiesti sono necessari per l'esercizio dell'azione penale e per il dibattimento."
        ],
        "civil": ["Le informazioni servono a sostenere la domanda di recupero dei beni."],
        "administrative": ["Le informazioni saranno utilizzate nel procedimento amministrativo di verifica."],
    },
    "urgent_deadline": [
        "URGENTE: {s1} è sottoposto a custodia cautelare fino al {d}; si chiede l'esecuzione entro tale data.",
        "Si chiede l'esecuzione entro il {d}, data di prescrizione del reato.",
    ],
    "urgent_plain": ["La richiesta è urgente, sussistendo il pericolo di dispersione delle somme."],
    "not_urgent": ["La presente richiesta non riveste carattere di urgenza.", "Non urgente."],
    "basis": {
        "uncac": "la Convenzione delle Nazioni Unite contro la corruzione",
        "untoc": "la Convenzione delle Nazioni Unite contro la criminalità organizzata transnazionale",
        "bilateral_treaty": "il Trattato di assistenza giudiziaria in materia penale tra {state} e lo Stato richiesto",
        "regional": "la Convenzione europea di assistenza giudiziaria in materia penale del 20 aprile 1959",
        "reciprocity": "il principio di reciprocità",
    },
    "basis_sentence": "Fondamento della richiesta: {bases}.",
    "h": {
        "requesting_authority": ["Autorità richiedente", "Autorità procedente"],
        "subject_matter": ["Oggetto e natura del procedimento", "Oggetto del procedimento"],
        "facts_summary": ["Esposizione dei fatti", "Sintesi dei fatti"],
        "offences": ["Qualificazione giuridica", "Reati"],
        "assistance_sought": ["Atti richiesti", "Assistenza richiesta"],
        "person_identity": ["Persone interessate", "Generalità delle persone"],
        "accounts": ["Conti bancari"],
        "purpose": ["Finalità della richiesta", "Motivi della richiesta"],
        "urgency": ["Urgenza", "Termini"],
        "legal_basis": ["Base giuridica"],
        "confidentiality": ["Riservatezza"],
    },
    "auth_sentence": "La richiesta è formulata dalla {auth}, {city}, {state}.",
    "confidential": "Si chiede che le persone interessate non siano informate della richiesta.",
    "ask_intro": "Si chiede alle autorità competenti dello Stato richiesto di:",
    "persons_intro": "Le persone interessate sono:",
    "accounts_intro": "I conti interessati sono:",
    "to": "Ministero della Giustizia, Dipartimento per la cooperazione giuridica internazionale, Autorità centrale dello Stato richiesto",
    "dear": "Egregi Signori,",
    "close": "Distinti saluti,",
    "signer": [
        "Procuratore della Repubblica",
        "Sostituto Procuratore",
        "Giudice per le indagini preliminari",
    ],
    "signer_names": ["dott. F. Greco", "dott.ssa L. Conti", "dott. M. Sabatini"],
    "compl": (
        "L'{emb} presenta i suoi complimenti al Ministero degli Affari Esteri dello Stato richiesto e ha l'onore di trasmettere in allegato una richiesta di {what} "
        "della {auth}, {city}."
    ),
    "compl_end": "L'{emb} si avvale dell'occasione per rinnovare al Ministero degli Affari Esteri dello Stato richiesto i sensi della sua più alta considerazione.",
    "emb": "Ambasciata di {state}",
    "note": "NOTA VERBALE",
    "what": {"mla": "assistenza giudiziaria in materia penale", "extradition": "estradizione di {p}"},
    "lr_open": "ROGATORIA INTERNAZIONALE",
    "lr_intro": (
        "Il sottoscritto {signer}, {title} presso la {auth}, chiede alle autorità giudiziarie dello Stato richiesto di voler prestare assistenza nel procedimento di seguito descritto."
    ),
    "lr_ask": "Si chiede pertanto alle autorità giudiziarie dello Stato richiesto di voler",
    "lr_end": "Si ringrazia per la collaborazione, con assicurazione di reciprocità.",
    "fax": {
        "title": "FAX",
        "to": "A",
        "frm": "Da",
        "fax": "Fax",
        "tel": "Tel.",
        "date": "Data",
        "pages": "Pagine (compresa la presente)",
        "re": "Oggetto",
        "urgent": "Urgente",
        "review": "Per esame",
        "comment": "Per osservazioni",
        "reply": "Si prega di rispondere",
        "note": "In caso di ricezione incompleta contattare il mittente.",
    },
    "yes": "Sì",
    "no": "No",
    "page": "Pagina",
    "translation": "TRADUZIONE",
    "translation_note": "Traduzione dall'originale in {src}",
    "ref": "Prot. n.",
    "date_w": "Data",
    "reqtitle": {
        "mla": "Richiesta di assistenza giudiziaria in materia penale",
        "extradition": "Domanda di estradizione",
    },
    "ext_ask": "Si chiede l'estradizione di {p} per l'esercizio dell'azione penale per i fatti descritti.",
    "ext_arrest": "Si chiede l'arresto provvisorio di {p} a fini estradizionali in attesa della domanda formale.",
}

LANG_NAMES = {  # name of a source language, as each language writes it (for translation notes)
    "en": {
        "en": "English",
        "fr": "French",
        "es": "Spanish",
        "pt": "Portuguese",
        "ru": "Russian",
        "ar": "Arabic",
        "de": "German",
        "it": "Italian",
    },
    "fr": {
        "en": "anglais",
        "fr": "français",
        "es": "espagnol",
        "pt": "portugais",
        "ru": "russe",
        "ar": "arabe",
        "de": "allemand",
        "it": "italien",
    },
    "es": {
        "en": "inglés",
        "fr": "francés",
        "es": "español",
        "pt": "portugués",
        "ru": "ruso",
        "ar": "árabe",
        "de": "alemán",
        "it": "italiano",
    },
}

THIS_OFFICE = {
    "en": "This office",
    "fr": "Le présent service",
    "es": "Esta Fiscalía",
    "pt": "Este serviço",
    "ru": "Следственный орган",
    "ar": "هذه الجهة",
    "de": "Die hiesige Behörde",
    "it": "Questo ufficio",
}


def with_article(lang: str, auth: str) -> str:
    if lang == "en":
        return "The " + auth
    if lang == "fr":
        return "Le " + auth
    if lang == "es":
        return "La " + auth
    if lang == "pt":
        return ("A " if auth.startswith("Procuradoria") else "O ") + auth
    if lang == "de":
        return "Die " + auth
    if lang == "it":
        return ("Il " if auth.startswith("Tribunale") else "La ") + auth
    return auth
