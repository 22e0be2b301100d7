<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ApiResult</name>
    <message>
        <source>Bad Request</source>
        <translation>Solicitud incorrecta</translation>
    </message>
    <message>
        <source>Request Header Fields Too Large</source>
        <translation>Cabeceras de la solicitud demasiado grandes</translation>
    </message>
    <message>
        <source>Request Entity Too Large</source>
        <translation>Solicitud demasiado grande</translation>
    </message>
    <message>
        <source>Request Timeout</source>
        <translation>Tiempo de la solicitud agotado</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>No autorizado</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Prohibido</translation>
    </message>
    <message>
        <source>Insufficient Permissions</source>
        <translation>Permisos insuficientes</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Method Not Allowed</source>
        <translation>Método no permitido</translation>
    </message>
    <message>
        <source>Conflicting Resource</source>
        <translation>Ya existe</translation>
    </message>
    <message>
        <source>Resource Gone</source>
        <translation>Recurso eliminado</translation>
    </message>
    <message>
        <source>Resource is protected</source>
        <translation>Recurso protegido</translation>
    </message>
    <message>
        <source>Precondition Failed</source>
        <translation>Condición previa no cumplida</translation>
    </message>
    <message>
        <source>Unprocessable Entity</source>
        <translation>Entidad no procesable</translation>
    </message>
    <message>
        <source>Too Many Requests</source>
        <translation>Demasiadas solicitudes</translation>
    </message>
    <message>
        <source>Internal Server Error</source>
        <translation>Error interno del servidor</translation>
    </message>
    <message>
        <source>Service Unavailable</source>
        <translation>Servicio no disponible</translation>
    </message>
    <message>
        <source>The root key is not valid (any more).</source>
        <translation>La clave raíz no es válida (ya).</translation>
    </message>
    <message>
        <source>The request carried no root key.</source>
        <translation>La solicitud no llevaba clave raíz.</translation>
    </message>
    <message>
        <source>The root key is malformed.</source>
        <translation>La clave raíz está mal formada.</translation>
    </message>
    <message>
        <source>This root key lacks the permission for this.</source>
        <translation>A esta clave raíz le falta el permiso para esto.</translation>
    </message>
    <message>
        <source>This root key may not do this.</source>
        <translation>Esta clave raíz no puede hacer esto.</translation>
    </message>
    <message>
        <source>This key does not exist (any more).</source>
        <translation>Esta clave no existe (ya).</translation>
    </message>
    <message>
        <source>This API does not exist (any more).</source>
        <translation>Esta API no existe (ya).</translation>
    </message>
    <message>
        <source>This owner does not exist (any more).</source>
        <translation>Este propietario no existe (ya).</translation>
    </message>
    <message>
        <source>This permission does not exist (any more).</source>
        <translation>Este permiso no existe (ya).</translation>
    </message>
    <message>
        <source>This role does not exist (any more).</source>
        <translation>Este rol no existe (ya).</translation>
    </message>
    <message>
        <source>This namespace does not exist (any more).</source>
        <translation>Este espacio de nombres no existe (ya).</translation>
    </message>
    <message>
        <source>This override does not exist (any more).</source>
        <translation>Esta excepción no existe (ya).</translation>
    </message>
    <message>
        <source>An owner with this external id already exists.</source>
        <translation>Ya existe un propietario con este id externo.</translation>
    </message>
    <message>
        <source>A permission with this name already exists.</source>
        <translation>Ya existe un permiso con este nombre.</translation>
    </message>
    <message>
        <source>A role with this name already exists.</source>
        <translation>Ya existe un rol con este nombre.</translation>
    </message>
    <message>
        <source>A namespace with this name already exists.</source>
        <translation>Ya existe un espacio de nombres con este nombre.</translation>
    </message>
    <message>
        <source>This namespace was deleted.</source>
        <translation>Este espacio de nombres se eliminó.</translation>
    </message>
    <message>
        <source>This is protected and cannot be changed.</source>
        <translation>Esto está protegido y no se puede cambiar.</translation>
    </message>
    <message>
        <source>The request is too large for the server.</source>
        <translation>La solicitud es demasiado grande para el servidor.</translation>
    </message>
    <message>
        <source>Too many requests; try again in a moment.</source>
        <translation>Demasiadas solicitudes; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The server ran into an internal error.</source>
        <translation>El servidor sufrió un error interno.</translation>
    </message>
    <message>
        <source>The server is not available right now.</source>
        <translation>El servidor no está disponible ahora mismo.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without details.</source>
        <translation>El servidor respondió HTTP %1 sin detalles.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>El servidor respondió HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>ApisPage</name>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Filter APIs by name or id</source>
        <translation>Filtrar API por nombre o id</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Nueva API</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message numerus="yes">
        <source>API %1, %n key(s)</source>
        <translation>
            <numerusform>API %1, %n clave</numerusform>
            <numerusform>API %1, %n claves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n clave</numerusform>
            <numerusform>%n claves</numerusform>
        </translation>
    </message>
    <message>
        <source>No API matches “%1”.</source>
        <translation>Ninguna API coincide con «%1».</translation>
    </message>
    <message>
        <source>No APIs yet</source>
        <translation>Aún no hay API</translation>
    </message>
    <message>
        <source>Clear the filter to see every API.</source>
        <translation>Borre el filtro para ver todas las API.</translation>
    </message>
    <message>
        <source>An API groups the keys of one service. Create one with “New API”, then issue keys for it.</source>
        <translation>Una API agrupa las claves de un servicio. Cree una con «Nueva API» y luego emita claves para ella.</translation>
    </message>
    <message>
        <source>API “%1” deleted</source>
        <translation>API «%1» eliminada</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete API</source>
        <translation>Eliminar API</translation>
    </message>
    <message numerus="yes">
        <source>Delete the API “%1” and its %n key(s)? Every program using one of them is refused at once. This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar la API «%1» y su %n clave? Todo programa que la use es rechazado al instante. No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar la API «%1» y sus %n claves? Todo programa que use una de ellas es rechazado al instante. No se puede deshacer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditChanges</name>
    <message>
        <source>%1 per %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Rate limit “%1” added: %2</source>
        <translation>Límite de frecuencia «%1» añadido: %2</translation>
    </message>
    <message>
        <source>Rate limit “%1” removed (was %2)</source>
        <translation>Límite de frecuencia «%1» eliminado (era %2)</translation>
    </message>
    <message>
        <source>Rate limit “%1” now applied to every verification</source>
        <translation>Límite de frecuencia «%1» ahora se aplica a cada verificación</translation>
    </message>
    <message>
        <source>Rate limit “%1” no longer applied to every verification</source>
        <translation>Límite de frecuencia «%1» ya no se aplica a cada verificación</translation>
    </message>
    <message>
        <source>Rate limit “%1”: %2 → %3 per %4</source>
        <translation>Límite de frecuencia «%1»: %2 → %3 por %4</translation>
    </message>
    <message>
        <source>Rate limit “%1”: %2 → %3</source>
        <translation>Límite de frecuencia «%1»: %2 → %3</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no credit refill</comment>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>%1 monthly on day %2</source>
        <translation>%1 al mes, el día %2</translation>
    </message>
    <message>
        <source>%1 daily</source>
        <translation>%1 al día</translation>
    </message>
    <message>
        <source>Expiry set to %1</source>
        <translation>Caducidad fijada: %1</translation>
    </message>
    <message>
        <source>Expiry removed (was %1)</source>
        <translation>Caducidad eliminada (era %1)</translation>
    </message>
    <message>
        <source>Expiry %1 → %2</source>
        <translation>Caducidad %1 → %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <comment>credits</comment>
        <translation>ilimitados</translation>
    </message>
    <message>
        <source>Name changed</source>
        <translation>Nombre modificado</translation>
    </message>
    <message>
        <source>Owner changed</source>
        <translation>Propietario modificado</translation>
    </message>
    <message>
        <source>Meta changed</source>
        <translation>Metadatos modificados</translation>
    </message>
    <message>
        <source>Permissions changed</source>
        <translation>Permisos modificados</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation>Roles modificados</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activada</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Credits %1 → %2</source>
        <translation>Créditos %1 → %2</translation>
    </message>
    <message>
        <source>Refill %1 → %2</source>
        <translation>Recarga %1 → %2</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 modificado</translation>
    </message>
    <message>
        <source>Owner set to “%1”</source>
        <translation>Propietario establecido en «%1»</translation>
    </message>
    <message>
        <source>Name set to “%1”</source>
        <translation>Nombre establecido en «%1»</translation>
    </message>
    <message>
        <source>Owner removed (was “%1”)</source>
        <translation>Propietario eliminado (era «%1»)</translation>
    </message>
    <message>
        <source>Name removed (was “%1”)</source>
        <translation>Nombre eliminado (era «%1»)</translation>
    </message>
    <message>
        <source>Owner: “%1” → “%2”</source>
        <translation>Propietario: «%1» → «%2»</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>Nombre: «%1» → «%2»</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Límite: %1</translation>
    </message>
    <message>
        <source>Limit: %1 → %2</source>
        <translation>Límite: %1 → %2</translation>
    </message>
    <message>
        <source>Meta set</source>
        <translation>Metadatos establecidos</translation>
    </message>
    <message>
        <source>Credits: %1</source>
        <translation>Créditos: %1</translation>
    </message>
    <message>
        <source>Refill: %1</source>
        <translation>Recarga: %1</translation>
    </message>
</context>
<context>
    <name>AuditEvents</name>
    <message>
        <source>API created</source>
        <translation>API creada</translation>
    </message>
    <message>
        <source>API deleted</source>
        <translation>API eliminada</translation>
    </message>
    <message>
        <source>Key issued</source>
        <translation>Clave emitida</translation>
    </message>
    <message>
        <source>Key updated</source>
        <translation>Clave modificada</translation>
    </message>
    <message>
        <source>Key deleted</source>
        <translation>Clave eliminada</translation>
    </message>
    <message>
        <source>Key rerolled</source>
        <translation>Clave regenerada</translation>
    </message>
    <message>
        <source>Owner created</source>
        <translation>Propietario creado</translation>
    </message>
    <message>
        <source>Owner updated</source>
        <translation>Propietario modificado</translation>
    </message>
    <message>
        <source>Owner deleted</source>
        <translation>Propietario eliminado</translation>
    </message>
    <message>
        <source>Permission created</source>
        <translation>Permiso creado</translation>
    </message>
    <message>
        <source>Permission deleted</source>
        <translation>Permiso eliminado</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>Rol creado</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>Rol eliminado</translation>
    </message>
    <message>
        <source>Permission added to key</source>
        <translation>Permiso añadido a la clave</translation>
    </message>
    <message>
        <source>Permission removed from key</source>
        <translation>Permiso quitado a la clave</translation>
    </message>
    <message>
        <source>Role added to key</source>
        <translation>Rol añadido a la clave</translation>
    </message>
    <message>
        <source>Role removed from key</source>
        <translation>Rol quitado a la clave</translation>
    </message>
    <message>
        <source>Permission added to role</source>
        <translation>Permiso añadido al rol</translation>
    </message>
    <message>
        <source>Permission removed from role</source>
        <translation>Permiso quitado al rol</translation>
    </message>
    <message>
        <source>Rate limit created</source>
        <translation>Límite de frecuencia creado</translation>
    </message>
    <message>
        <source>Rate limit updated</source>
        <translation>Límite de frecuencia modificado</translation>
    </message>
    <message>
        <source>Rate limit deleted</source>
        <translation>Límite de frecuencia eliminado</translation>
    </message>
    <message>
        <source>Override set</source>
        <translation>Excepción fijada</translation>
    </message>
    <message>
        <source>Override deleted</source>
        <translation>Excepción eliminada</translation>
    </message>
    <message>
        <source>Namespace created</source>
        <translation>Espacio de nombres creado</translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation>Clave raíz creada</translation>
    </message>
    <message>
        <source>API</source>
        <comment>audit target</comment>
        <translation>API</translation>
    </message>
    <message>
        <source>key</source>
        <comment>audit target</comment>
        <translation>clave</translation>
    </message>
    <message>
        <source>key space</source>
        <comment>audit target</comment>
        <translation>espacio de claves</translation>
    </message>
    <message>
        <source>owner</source>
        <comment>audit target</comment>
        <translation>propietario</translation>
    </message>
    <message>
        <source>permission</source>
        <comment>audit target</comment>
        <translation>permiso</translation>
    </message>
    <message>
        <source>role</source>
        <comment>audit target</comment>
        <translation>rol</translation>
    </message>
    <message>
        <source>rate limit</source>
        <comment>audit target</comment>
        <translation>límite de frecuencia</translation>
    </message>
    <message>
        <source>namespace</source>
        <comment>audit target</comment>
        <translation>espacio de nombres</translation>
    </message>
    <message>
        <source>override</source>
        <comment>audit target</comment>
        <translation>excepción</translation>
    </message>
    <message>
        <source>root key</source>
        <comment>audit target</comment>
        <translation>clave raíz</translation>
    </message>
    <message>
        <source>old key</source>
        <comment>audit target: the key a reroll replaced</comment>
        <translation>clave antigua</translation>
    </message>
    <message>
        <source>new key</source>
        <comment>audit target: the key a reroll made</comment>
        <translation>clave nueva</translation>
    </message>
    <message>
        <source>Root key revoked</source>
        <translation>Clave raíz revocada</translation>
    </message>
    <message>
        <source>Namespace renamed</source>
        <translation>Espacio de nombres renombrado</translation>
    </message>
    <message>
        <source>Namespace deleted</source>
        <translation>Espacio de nombres eliminado</translation>
    </message>
</context>
<context>
    <name>AuditLogFilters</name>
    <message>
        <source>Owners cannot be looked up with this root key: “%1” is matched against target names, which finds an owner&apos;s own rows but not its keys&apos;; the owner&apos;s id (id_…) finds both.</source>
        <translation>Con esta clave raíz no se pueden buscar propietarios: «%1» se compara con los nombres de los objetivos, lo que encuentra las entradas del propio propietario pero no las de sus claves; el id del propietario (id_…) encuentra ambas.</translation>
    </message>
    <message>
        <source>Target: owner “%1” (%2)</source>
        <translation>Objetivo: propietario «%1» (%2)</translation>
    </message>
    <message>
        <source>Target: key starting “%1” (%2)</source>
        <translation>Objetivo: clave que empieza por «%1» (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more key(s) with this start not shown</source>
        <translation>
            <numerusform>%n clave más con este inicio no se muestra</numerusform>
            <numerusform>%n claves más con este inicio no se muestran</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: names containing “%1” (of keys, deleted ones too, owners, APIs, permissions, roles)</source>
        <translation>Objetivo: nombres que contienen «%1» (de claves, también eliminadas, propietarios, API, permisos, roles)</translation>
    </message>
    <message>
        <source>Actor: root key “%1” (%2)</source>
        <translation>Autor: clave raíz «%1» (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more root key(s) with this name not shown</source>
        <translation>
            <numerusform>%n clave raíz más con este nombre no mostrada</numerusform>
            <numerusform>%n claves raíz más con este nombre no mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Actor: root key “%1” (%2), whose name contains “%3”</source>
        <translation>Actor: clave raíz «%1» (%2), cuyo nombre contiene «%3»</translation>
    </message>
    <message numerus="yes">
        <source>%n other root key(s) contain it, not shown: %1. Type more of the name for another.</source>
        <translation>
            <numerusform>%n clave raíz más lo contiene, no mostrada: %1. Escriba más del nombre para otra.</numerusform>
            <numerusform>%n claves raíz más lo contienen, no mostradas: %1. Escriba más del nombre para otra.</numerusform>
        </translation>
    </message>
    <message>
        <source>No root key&apos;s name contains “%1”; the Actor filter takes a root key&apos;s name, a part of it, or its id (rk_…).</source>
        <translation>Ningún nombre de clave raíz contiene «%1»; el filtro Actor admite el nombre de una clave raíz, una parte de él o su id (rk_…).</translation>
    </message>
    <message>
        <source>Root key names cannot be looked up with this root key; the Actor filter takes a root key&apos;s id (rk_…).</source>
        <translation>Con esta clave raíz no se pueden buscar nombres de claves raíz; el filtro Autor admite el id (rk_…) de una clave raíz.</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Actor: root key name or id</source>
        <translation>Autor: nombre o id de clave raíz</translation>
    </message>
    <message>
        <source>A root key&apos;s name or a part of it, as the Actor column shows it, or its id (rk_…)</source>
        <translation>El nombre de una clave raíz o una parte de él, como lo muestra la columna Actor, o su id (rk_…)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Target: id, owner, key start or part of a name</source>
        <translation>Objetivo: id, propietario, inicio de clave o parte de un nombre</translation>
    </message>
    <message>
        <source>An id (key_…, api_…, id_…), an owner&apos;s external id, a key&apos;s start, or a part of a name: of a key (deleted keys too), an owner, an API</source>
        <translation>Un id (key_…, api_…, id_…), el id externo de un propietario, el inicio de una clave o parte de un nombre: de una clave (también eliminada), de un propietario, de una API</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Looking up “%1”…</source>
        <translation>Buscando «%1»…</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Sin entradas</translation>
    </message>
    <message>
        <source>Every change made through the API is recorded here. Widen the time range or clear the filters.</source>
        <translation>Aquí se registra cada cambio hecho mediante la API. Amplíe el periodo o borre los filtros.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Nothing matches the target “%1”</source>
        <translation>Nada coincide con el objetivo «%1»</translation>
    </message>
    <message>
        <source>The target filter takes an id (key_…, api_…, id_…), an owner&apos;s external id, a key&apos;s start, or a part of a name: of a key (deleted keys too), an owner, an API.</source>
        <translation>El filtro de objetivo admite un id (key_…, api_…, id_…), el id externo de un propietario, el inicio de una clave o parte de un nombre: de una clave (también eliminada), de un propietario, de una API.</translation>
    </message>
</context>
<context>
    <name>AuditLogRow</name>
    <message>
        <source>Created API %1</source>
        <translation>API %1 creada</translation>
    </message>
    <message>
        <source>Deleted API %1</source>
        <translation>API %1 eliminada</translation>
    </message>
    <message>
        <source>Issued key %1</source>
        <translation>Clave %1 emitida</translation>
    </message>
    <message>
        <source>Deleted key %1</source>
        <translation>Clave %1 eliminada</translation>
    </message>
    <message>
        <source>Refilled key %1</source>
        <translation>Clave %1 recargada</translation>
    </message>
    <message>
        <source>Updated key %1</source>
        <translation>Clave %1 modificada</translation>
    </message>
    <message>
        <source>Rerolled key %1 to %2</source>
        <translation>Clave %1 sustituida por %2</translation>
    </message>
    <message>
        <source>Created owner %1</source>
        <translation>Propietario %1 creado</translation>
    </message>
    <message>
        <source>Updated owner %1</source>
        <translation>Propietario %1 modificado</translation>
    </message>
    <message>
        <source>Deleted owner %1</source>
        <translation>Propietario %1 eliminado</translation>
    </message>
    <message>
        <source>Created permission %1</source>
        <translation>Permiso %1 creado</translation>
    </message>
    <message>
        <source>Deleted permission %1</source>
        <translation>Permiso %1 eliminado</translation>
    </message>
    <message>
        <source>Created role %1</source>
        <translation>Rol %1 creado</translation>
    </message>
    <message>
        <source>Deleted role %1</source>
        <translation>Rol %1 eliminado</translation>
    </message>
    <message>
        <source>Gave key %1 the role %2</source>
        <translation>La clave %1 recibió el rol %2</translation>
    </message>
    <message>
        <source>Took the role %2 from key %1</source>
        <translation>Se quitó el rol %2 a la clave %1</translation>
    </message>
    <message>
        <source>Gave key %1 the permission %2</source>
        <translation>La clave %1 recibió el permiso %2</translation>
    </message>
    <message>
        <source>Took the permission %2 from key %1</source>
        <translation>Se quitó el permiso %2 a la clave %1</translation>
    </message>
    <message>
        <source>Gave role %1 the permission %2</source>
        <translation>El rol %1 recibió el permiso %2</translation>
    </message>
    <message>
        <source>Took the permission %2 from role %1</source>
        <translation>Se quitó el permiso %2 al rol %1</translation>
    </message>
    <message>
        <source>Created namespace %1</source>
        <translation>Espacio de nombres %1 creado</translation>
    </message>
    <message>
        <source>Set the override for %1 in namespace %2</source>
        <translation>Excepción para %1 fijada en el espacio de nombres %2</translation>
    </message>
    <message>
        <source>Deleted the override for %1 in namespace %2</source>
        <translation>Excepción para %1 eliminada del espacio de nombres %2</translation>
    </message>
    <message>
        <source>Created rate limit %1</source>
        <translation>Límite de frecuencia %1 creado</translation>
    </message>
    <message>
        <source>Updated rate limit %1</source>
        <translation>Límite de frecuencia %1 modificado</translation>
    </message>
    <message>
        <source>Deleted rate limit %1</source>
        <translation>Límite de frecuencia %1 eliminado</translation>
    </message>
    <message>
        <source>Created root key %1</source>
        <translation>Clave raíz %1 creada</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4</source>
        <translation>%1 por %2 el %3: %4</translation>
    </message>
    <message>
        <source>The server&apos;s own description of “%1”, not translated.</source>
        <translation>La descripción propia del servidor para «%1», sin traducir.</translation>
    </message>
    <message>
        <source>Revoked root key %1</source>
        <translation>Clave raíz %1 revocada</translation>
    </message>
    <message>
        <source>Renamed namespace %1</source>
        <translation>Espacio de nombres renombrado a %1</translation>
    </message>
    <message>
        <source>Deleted namespace %1</source>
        <translation>Espacio de nombres %1 eliminado</translation>
    </message>
</context>
<context>
    <name>BulkProgress</name>
    <message>
        <source>Stopped: server unreachable — %1 of %2 done.</source>
        <translation>Detenido: servidor inaccesible — %1 de %2 hechas.</translation>
    </message>
    <message>
        <source>Cancelled: %1 done, %2 failed, %3 not started.</source>
        <translation>Cancelado: %1 hechas, %2 fallidas, %3 sin empezar.</translation>
    </message>
    <message>
        <source>%1 done, %2 failed.</source>
        <translation>%1 hechas, %2 fallidas.</translation>
    </message>
    <message>
        <source>Progress of the bulk operation</source>
        <translation>Progreso de la operación en lote</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the bulk operation</source>
        <translation>Cancelar la operación en lote</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Stopping… %1 of %2 done; no more are started.</source>
        <translation>Deteniendo… %1 de %2 hechos; no se inician más.</translation>
    </message>
</context>
<context>
    <name>CalendarDay</name>
    <message>
        <source>Chosen day</source>
        <translation>Día elegido</translation>
    </message>
    <message>
        <source>Today</source>
        <comment>the calendar&apos;s day that is today</comment>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ConnectionSummary</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Root key</source>
        <translation>Clave raíz</translation>
    </message>
    <message>
        <source>unknown (the server does not say)</source>
        <translation>desconocida (el servidor no lo indica)</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message numerus="yes">
        <source>%n permission(s)</source>
        <translation>
            <numerusform>%n permiso</numerusform>
            <numerusform>%n permisos</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Disconnect from the server</source>
        <translation>Desconectar del servidor</translation>
    </message>
    <message>
        <source>%1, the local server in this app</source>
        <translation>%1, el servidor local de esta aplicación</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>Usage charts</source>
        <translation>Gráficos de uso</translation>
    </message>
    <message>
        <source>Your root key lacks the permission “%1” (%2) to see these charts.</source>
        <translation>A su clave raíz le falta el permiso «%1» (%2) para ver estos gráficos.</translation>
    </message>
</context>
<context>
    <name>CreditsEditor</name>
    <message>
        <source>Enter how many credits remain</source>
        <translation>Indique cuántos créditos quedan</translation>
    </message>
    <message>
        <source>Unlimited (no credits are counted)</source>
        <translation>Ilimitado (no se cuentan créditos)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restantes</translation>
    </message>
    <message>
        <source>Remaining credits</source>
        <translation>Créditos restantes</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Recarga</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Refill interval</source>
        <translation>Intervalo de recarga</translation>
    </message>
    <message>
        <source>Refill amount</source>
        <translation>Cantidad de recarga</translation>
    </message>
    <message>
        <source>Credits added by each refill</source>
        <translation>Créditos añadidos en cada recarga</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Día del mes</translation>
    </message>
    <message>
        <source>Day of the month of the refill</source>
        <translation>Día del mes de la recarga</translation>
    </message>
    <message>
        <source>In shorter months the refill happens on the last day.</source>
        <translation>En los meses más cortos, la recarga se hace el último día.</translation>
    </message>
    <message>
        <source>e.g. 1000</source>
        <translation>p. ej. 1000</translation>
    </message>
    <message>
        <source>The refill amount must be at least 1.</source>
        <translation>La cantidad de recarga debe ser al menos 1.</translation>
    </message>
</context>
<context>
    <name>DialogError</name>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>%1 (%2 failed requests)</source>
        <translation>%1 (%2 solicitudes fallidas)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the error message</source>
        <translation>Descartar el mensaje de error</translation>
    </message>
</context>
<context>
    <name>ExpiryCalendar</name>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
</context>
<context>
    <name>ExpiryPicker</name>
    <message>
        <source>Never expires</source>
        <translation>No caduca nunca</translation>
    </message>
    <message>
        <source>Expiry date (as %1)</source>
        <translation>Fecha de caducidad (con el formato %1)</translation>
    </message>
    <message>
        <source>Choose the date in a calendar</source>
        <translation>Elegir la fecha en un calendario</translation>
    </message>
    <message>
        <source>Expiry time (hours:minutes)</source>
        <translation>Hora de caducidad (horas:minutos)</translation>
    </message>
    <message>
        <source>In 1 day</source>
        <translation>En 1 día</translation>
    </message>
    <message>
        <source>In 7 days</source>
        <translation>En 7 días</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>En 30 días</translation>
    </message>
    <message>
        <source>In 1 year</source>
        <translation>En 1 año</translation>
    </message>
    <message>
        <source>Expires %1 (%2)</source>
        <translation>Caduca el %1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>the expiry picker&apos;s choice: the key does not expire</comment>
        <translation>Nunca</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>File name</source>
        <translation>Nombre de archivo</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard what you entered?</source>
        <translation>¿Descartar lo que ha introducido?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>What you entered here has not been saved. Discarding it cannot be undone.</source>
        <translation>Lo que ha introducido aquí no se ha guardado. Descartarlo no se puede deshacer.</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>throw away what was entered in a dialog</comment>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Owners are not searched: %1</source>
        <translation>No se buscan propietarios: %1</translation>
    </message>
    <message>
        <source>APIs, and keys by name or start, are not searched: %1</source>
        <translation>No se buscan APIs ni claves por nombre o inicio: %1</translation>
    </message>
    <message>
        <source>Owners are found by their exact external id or id only: %1</source>
        <translation>Los propietarios solo se encuentran por su id externo o id exacto: %1</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, or API matches, and no owner has exactly this external id or id.</source>
        <translation>No se encontró nada para «%1»: no coincide ningún id, inicio o nombre de clave ni ninguna API, y ningún propietario tiene exactamente este id externo o id.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id matches, and no owner has exactly this external id or id.</source>
        <translation>No se encontró nada para «%1»: no coincide ningún id de clave, y ningún propietario tiene exactamente este id externo o id.</translation>
    </message>
    <message>
        <source>A key id, a key&apos;s start or name, an owner&apos;s exact external id, or an API&apos;s name:</source>
        <translation>Un id de clave, el inicio o nombre de una clave, el id externo exacto de un propietario o el nombre de una API:</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, owner or API matches.</source>
        <translation>No se encontró nada para «%1»: no coincide ningún id, inicio o nombre de clave, propietario ni API.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, or API matches.</source>
        <translation>No se encontró nada para «%1»: no coincide ningún id, inicio o nombre de clave ni ninguna API.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id or owner matches.</source>
        <translation>No se encontró nada para «%1»: no coincide ningún id de clave ni ningún propietario.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key has this id.</source>
        <translation>No se encontró nada para «%1»: ninguna clave tiene este id.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: it is not a key id (key_…), and only key ids were searched.</source>
        <translation>No se encontró nada para «%1»: no es un id de clave (key_…) y solo se buscaron ids de clave.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>A key id, a key&apos;s start or name, an owner&apos;s external id, or an API&apos;s name:</source>
        <translation>Un id de clave, el inicio o nombre de una clave, el id externo de un propietario o el nombre de una API:</translation>
    </message>
    <message>
        <source>e.g. key_…, sk_3Zx, Checkout service, customer-4711</source>
        <translation>p. ej. key_…, sk_3Zx, Checkout service, customer-4711</translation>
    </message>
    <message>
        <source>Key, owner or API to go to</source>
        <translation>Clave, propietario o API a la que ir</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n more match(es) not shown: type more of the name.</source>
        <translation>
            <numerusform>%n coincidencia más no se muestra: escriba más del nombre.</numerusform>
            <numerusform>%n coincidencias más no se muestran: escriba más del nombre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>expires %1</source>
        <comment>Ctrl+K: a key&apos;s state, e.g. expires in 1 hour</comment>
        <translation>caduca %1</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>Ctrl+K: a key&apos;s state</comment>
        <translation>caducada</translation>
    </message>
    <message>
        <source>disabled</source>
        <comment>Ctrl+K: a key&apos;s state</comment>
        <translation>desactivada</translation>
    </message>
</context>
<context>
    <name>IssueKeyAccessFields</name>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <comment>a permission or role created when the key is issued</comment>
        <translation>Crear «%1»</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>a permission or role added to the key to be issued</comment>
        <translation>Añadir %1</translation>
    </message>
</context>
<context>
    <name>IssueKeyBasicFields</name>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Choose an API</source>
        <translation>Elige una API</translation>
    </message>
    <message>
        <source>API the key belongs to</source>
        <translation>API a la que pertenece la clave</translation>
    </message>
    <message>
        <source>The APIs could not be listed: %1</source>
        <translation>No se pudieron listar las API: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. Production server</source>
        <translation>p. ej. Servidor de producción</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Nombre de la clave</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>Optional; the key starts with it</source>
        <translation>Opcional; la clave empieza por él</translation>
    </message>
    <message>
        <source>e.g. sk_live</source>
        <translation>p. ej. sk_live</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Prefijo de la clave</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>The customer&apos;s id in your system (external id). A new owner is created if needed.</source>
        <translation>El id del cliente en su sistema (id externo). Si hace falta, se crea un propietario nuevo.</translation>
    </message>
    <message>
        <source>e.g. customer_42</source>
        <translation>p. ej. customer_42</translation>
    </message>
    <message>
        <source>Owner (external id)</source>
        <translation>Propietario (id externo)</translation>
    </message>
    <message>
        <source>There is no API yet. Every key belongs to an API: create one first with “New API” below.</source>
        <translation>Todavía no hay ninguna API. Cada clave pertenece a una API: cree primero una con «Nueva API», abajo.</translation>
    </message>
    <message>
        <source>Looking for the API…</source>
        <translation>Buscando la API…</translation>
    </message>
    <message>
        <source>The API %1 is not among the APIs listed. The key is issued into it unless you choose another one.</source>
        <translation>La API %1 no está entre las API listadas. La clave se emite en ella, salvo que elija otra.</translation>
    </message>
    <message>
        <source>There is no API %1 (deleted?): choose the API the key goes into.</source>
        <translation>No existe la API %1 (¿eliminada?): elija la API a la que va la clave.</translation>
    </message>
</context>
<context>
    <name>IssueKeyDialog</name>
    <message>
        <source>Key issued</source>
        <translation>Clave emitida</translation>
    </message>
    <message>
        <source>Issue a key</source>
        <translation>Emitir una clave</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Issue key</source>
        <translation>Emitir clave</translation>
    </message>
    <message>
        <source>Open key</source>
        <translation>Abrir clave</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Choose the API the key belongs to first.</source>
        <translation>Elija primero la API a la que pertenece la clave.</translation>
    </message>
    <message>
        <source>Discard this key&apos;s details?</source>
        <translation>¿Descartar los datos de esta clave?</translation>
    </message>
    <message>
        <source>Create an API first.</source>
        <translation>Cree primero una API.</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Nueva API</translation>
    </message>
</context>
<context>
    <name>IssueKeyForm</name>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Créditos</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Límites de frecuencia</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>Any JSON object; returned with every verification.</source>
        <translation>Cualquier objeto JSON; se devuelve en cada verificación.</translation>
    </message>
    <message>
        <source>Recoverable (the key is stored encrypted and can be shown again later)</source>
        <translation>Recuperable (la clave se guarda cifrada y puede volver a mostrarse más tarde)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activada</translation>
    </message>
</context>
<context>
    <name>KeyAccessSection</name>
    <message>
        <source>Permissions and roles</source>
        <translation>Permisos y roles</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
</context>
<context>
    <name>KeyActionsSection</name>
    <message>
        <source>The old key no longer works.</source>
        <translation>La clave antigua ya no funciona.</translation>
    </message>
    <message>
        <source>The old key stays disabled and expires %1.</source>
        <translation>La clave antigua sigue desactivada y caduca el %1.</translation>
    </message>
    <message>
        <source>The old key had expired; its expiry is now the end of the grace period, so it works again until %1.</source>
        <translation>La clave antigua había caducado; ahora caduca al final del periodo de gracia, así que vuelve a funcionar hasta el %1.</translation>
    </message>
    <message>
        <source>The old key keeps working until %1.</source>
        <translation>La clave antigua sigue funcionando hasta el %1.</translation>
    </message>
    <message>
        <source>The new key is disabled and expired like the old one: enable it and give it a new expiry before use.</source>
        <translation>La clave nueva está desactivada y caducada como la antigua: actívela y dele una nueva caducidad antes de usarla.</translation>
    </message>
    <message>
        <source>The new key is disabled too, like the old one: enable it before use.</source>
        <translation>La clave nueva también está desactivada, como la antigua: actívela antes de usarla.</translation>
    </message>
    <message>
        <source>The new key has the old key&apos;s expiry, which has passed: it does not work until you give it a new expiry.</source>
        <translation>La clave nueva tiene la caducidad de la antigua, que ya pasó: no funciona hasta que le dé una nueva caducidad.</translation>
    </message>
    <message>
        <source>The new key keeps the old key&apos;s expiry: %1.</source>
        <translation>La clave nueva conserva la caducidad de la antigua: %1.</translation>
    </message>
    <message>
        <source>This key is not recoverable: its value was never stored, so it cannot be shown. Only keys issued as recoverable can be shown again.</source>
        <translation>Esta clave no es recuperable: su valor nunca se guardó, así que no se puede mostrar. Solo las claves emitidas como recuperables se pueden volver a mostrar.</translation>
    </message>
    <message>
        <source>Reroll this key?</source>
        <translation>¿Regenerar esta clave?</translation>
    </message>
    <message>
        <source>A new key with the same settings replaces “%1”.</source>
        <translation>Una clave nueva con la misma configuración sustituye a «%1».</translation>
    </message>
    <message>
        <source>The old key stops working at once.</source>
        <translation>La clave antigua deja de funcionar de inmediato.</translation>
    </message>
    <message>
        <source>The old key stays disabled.</source>
        <translation>La clave antigua sigue desactivada.</translation>
    </message>
    <message>
        <source>The old key has expired; its expiry becomes the end of the grace period, so it works again until then.</source>
        <translation>La clave antigua ha caducado; su caducidad pasa a ser el final del periodo de gracia, así que vuelve a funcionar hasta entonces.</translation>
    </message>
    <message>
        <source>Reroll</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Key actions</source>
        <translation>Acciones de la clave</translation>
    </message>
    <message>
        <source>Revoke the old key at once</source>
        <translation>Revocar la clave antigua de inmediato</translation>
    </message>
    <message>
        <source>Old key works 1 more hour</source>
        <translation>La clave antigua funciona 1 hora más</translation>
    </message>
    <message>
        <source>Old key works 24 more hours</source>
        <translation>La clave antigua funciona 24 horas más</translation>
    </message>
    <message>
        <source>Old key works 7 more days</source>
        <translation>La clave antigua funciona 7 días más</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Mostrar clave</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Ocultar clave</translation>
    </message>
    <message>
        <source>The key</source>
        <translation>La clave</translation>
    </message>
    <message>
        <source>Grace period for the old key</source>
        <translation>Periodo de gracia de la clave antigua</translation>
    </message>
    <message>
        <source>Reroll key</source>
        <translation>Regenerar clave</translation>
    </message>
    <message>
        <source>Rerolling issues a new key with the same settings; the old one stops working after the grace period.</source>
        <translation>Regenerar emite una clave nueva con la misma configuración; la antigua deja de funcionar tras el periodo de gracia.</translation>
    </message>
    <message>
        <source>Permanently (cannot be recovered)</source>
        <translation>Definitivamente (no se puede recuperar)</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Eliminar clave</translation>
    </message>
    <message>
        <source>The key %1 stops working at once and is removed for good, with its rate limits and permissions.</source>
        <translation>La clave %1 deja de funcionar de inmediato y se elimina para siempre, con sus límites de frecuencia y permisos.</translation>
    </message>
    <message>
        <source>The key %1 stops working at once. It is kept in the database but cannot be used or shown here again.</source>
        <translation>La clave %1 deja de funcionar de inmediato. Se conserva en la base de datos, pero no puede usarse ni volver a mostrarse aquí.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Clave nueva</translation>
    </message>
    <message>
        <source>Open new key</source>
        <translation>Abrir la clave nueva</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Copiar la clave</translation>
    </message>
    <message>
        <source>Key copied</source>
        <translation>Clave copiada</translation>
    </message>
    <message>
        <source>Delete “%1” (%2)?</source>
        <translation>¿Eliminar «%1» (%2)?</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <source>Already replaced by %1: reroll that key instead.</source>
        <translation>Ya sustituida por %1: regenere esa clave en su lugar.</translation>
    </message>
    <message>
        <source>The key it replaced, %1…, keeps working until %2: deleting this one does not stop it.</source>
        <translation>La clave a la que reemplazó, %1…, sigue funcionando hasta el %2: borrar esta no la detiene.</translation>
    </message>
</context>
<context>
    <name>KeyColumnTitles</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>the first characters of a key</comment>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Credits left</source>
        <translation>Restantes</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>What the key may still spend on verifications. “low credits” from 10 % of its refill amount down (at least 1), or from 10 credits down for a key without a refill.</source>
        <translation>Lo que la clave aún puede gastar en verificaciones. «pocos créditos» desde el 10 % de su recarga hacia abajo (al menos 1), o desde 10 créditos hacia abajo para una clave sin recarga.</translation>
    </message>
</context>
<context>
    <name>KeyCreditsSection</name>
    <message>
        <source>Adding credits applies at once, without Save.</source>
        <translation>Añadir créditos se aplica al instante, sin Guardar.</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Créditos</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Ilimitado</translation>
    </message>
    <message>
        <source>%1 credits left</source>
        <translation>Quedan %1 créditos</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Credits to add</source>
        <translation>Créditos que añadir</translation>
    </message>
    <message>
        <source>Add credits</source>
        <translation>Añadir créditos</translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation>p. ej. 100</translation>
    </message>
</context>
<context>
    <name>KeyDetailPage</name>
    <message>
        <source>a key deleted since (%1)</source>
        <translation>una clave ya eliminada (%1)</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Clave %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>Sin nombre</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Sin propietario</translation>
    </message>
    <message>
        <source>The customer&apos;s external id; a new owner is created if needed.</source>
        <translation>El id externo del cliente; si hace falta, se crea un propietario nuevo.</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: %1. Leaving the page discards them.</source>
        <translation>Estas tarjetas tienen cambios sin guardar: %1. Al salir de la página se descartan.</translation>
    </message>
    <message>
        <source>Discard and leave</source>
        <translation>Descartar y salir</translation>
    </message>
    <message>
        <source>Key “%1” deleted</source>
        <translation>Clave «%1» eliminada</translation>
    </message>
    <message>
        <source>Key “%1” (%2…) deleted</source>
        <translation>Clave «%1» (%2…) eliminada</translation>
    </message>
</context>
<context>
    <name>KeyExpirySection</name>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <comment>%1 is a relative time: &apos;3 days ago&apos;</comment>
        <translation>Caducó %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <comment>%1 is a relative time: &apos;in 29 days&apos;</comment>
        <translation>Caduca %1</translation>
    </message>
    <message>
        <source>Never expires</source>
        <comment>the expiry card&apos;s summary of a key without expiry</comment>
        <translation>No caduca nunca</translation>
    </message>
    <message>
        <source>After saving: never expires</source>
        <comment>the expiry card&apos;s summary of an unsaved change</comment>
        <translation>Al guardar: no caduca nunca</translation>
    </message>
    <message>
        <source>After saving: expired %1</source>
        <comment>%1 is a relative time: &apos;3 days ago&apos;</comment>
        <translation>Al guardar: caducada %1</translation>
    </message>
    <message>
        <source>After saving: expires %1</source>
        <comment>%1 is a relative time: &apos;in 29 days&apos;</comment>
        <translation>Al guardar: caduca %1</translation>
    </message>
</context>
<context>
    <name>KeyLoadFailed</name>
    <message>
        <source>This key was deleted.</source>
        <translation>Esta clave se ha eliminado.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>KeyPageHeader</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Atrás (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminada</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Created %1 · last used %2</source>
        <translation>Creada %1 · último uso %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>KeyRerollNotes</name>
    <message>
        <source>This is the new key. It replaces %1…, which no longer works.</source>
        <translation>Esta es la clave nueva. Reemplaza a %1…, que ya no funciona.</translation>
    </message>
    <message>
        <source>This is the new key. It replaces %1…, which stays disabled and expires %2 (%3).</source>
        <translation>Esta es la clave nueva. Sustituye a %1…, que sigue desactivada y caduca el %2 (%3).</translation>
    </message>
    <message>
        <source>This is the new key. It replaces %1…, which keeps working until %2 (%3).</source>
        <translation>Esta es la clave nueva. Reemplaza a %1…, que sigue funcionando hasta %2 (%3).</translation>
    </message>
    <message>
        <source>Like the old key, it is disabled and expired: enable it and set a new expiry to use it.</source>
        <translation>Como la antigua, está desactivada y caducada: actívela y fije una nueva caducidad para usarla.</translation>
    </message>
    <message>
        <source>Like the old key, it is disabled: enable it under Status to use it.</source>
        <translation>Como la antigua, está desactivada: actívela en Estado para usarla.</translation>
    </message>
    <message>
        <source>It took over the old key&apos;s expiry, which has passed: set a new expiry to use it.</source>
        <translation>Heredó la caducidad de la clave antigua, que ya pasó: fije una nueva caducidad para usarla.</translation>
    </message>
    <message>
        <source>Replaced by %1 — this key is disabled.</source>
        <translation>Sustituida por %1 — esta clave está desactivada.</translation>
    </message>
    <message>
        <source>Replaced by %1 — expires %2 (%3).</source>
        <translation>Sustituida por %1 — caduca %2 (%3).</translation>
    </message>
    <message>
        <source>Replaced by %1 — this key no longer works.</source>
        <translation>Sustituida por %1 — esta clave ya no funciona.</translation>
    </message>
</context>
<context>
    <name>KeyRow</name>
    <message>
        <source>Key %1, %2</source>
        <translation>Clave %1, %2</translation>
    </message>
    <message>
        <source>Select key %1</source>
        <translation>Seleccionar la clave %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>KeySection</name>
    <message>
        <source>Ctrl+Down: next card · Ctrl+Up: previous card</source>
        <translation>Ctrl+Abajo: tarjeta siguiente · Ctrl+Arriba: tarjeta anterior</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Nothing changed yet</source>
        <translation>Aún no hay cambios</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Guardar %1</translation>
    </message>
    <message>
        <source>Changes here apply at once.</source>
        <translation>Los cambios aquí se aplican al instante.</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Guardado</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>throw away the unsaved changes of a card</comment>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard the changes to %1</source>
        <translation>Descartar los cambios de %1</translation>
    </message>
</context>
<context>
    <name>KeyStatusBadges</name>
    <message>
        <source>active</source>
        <comment>key status</comment>
        <translation>activa</translation>
    </message>
    <message>
        <source>disabled</source>
        <comment>key status</comment>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>key status</comment>
        <translation>caducada</translation>
    </message>
    <message>
        <source>expiring</source>
        <comment>key status: expires within 24 hours</comment>
        <translation>por caducar</translation>
    </message>
    <message>
        <source>low credits</source>
        <comment>key status</comment>
        <translation>pocos créditos</translation>
    </message>
    <message>
        <source>rate limited</source>
        <comment>key status: rate limited in the last hour</comment>
        <translation>limitada</translation>
    </message>
    <message>
        <source>The key is enabled and not expired.</source>
        <translation>La clave está activada y no ha caducado.</translation>
    </message>
    <message>
        <source>The key is disabled; verifications answer DISABLED.</source>
        <translation>La clave está desactivada; las verificaciones responden DISABLED.</translation>
    </message>
    <message>
        <source>The key has expired; verifications answer EXPIRED.</source>
        <translation>La clave ha caducado; las verificaciones responden EXPIRED.</translation>
    </message>
    <message>
        <source>The key expires within 24 hours.</source>
        <translation>La clave caduca en menos de 24 horas.</translation>
    </message>
    <message>
        <source>Rate limited at least once in the last hour.</source>
        <translation>Limitada al menos una vez en la última hora.</translation>
    </message>
    <message>
        <source>expires %1</source>
        <comment>key status, e.g. expires in 2 hours</comment>
        <translation>caduca %1</translation>
    </message>
    <message>
        <source>replaced, expires %1</source>
        <comment>key status of a rerolled key, e.g. replaced, expires in 2 hours</comment>
        <translation>sustituida, caduca %1</translation>
    </message>
    <message>
        <source>replaced</source>
        <comment>key status of a rerolled key</comment>
        <translation>sustituida</translation>
    </message>
    <message>
        <source>A reroll replaced this key with a new one of the same name; this old key stops working when its grace period ends.</source>
        <translation>Al regenerarla, esta clave se reemplazó por una nueva con el mismo nombre; esta clave antigua deja de funcionar cuando termina su periodo de gracia.</translation>
    </message>
    <message>
        <source>no credits</source>
        <comment>key status: no credits left</comment>
        <translation>sin créditos</translation>
    </message>
    <message>
        <source>No credits left; verifications answer USAGE_EXCEEDED until a refill or top-up.</source>
        <translation>No quedan créditos; las verificaciones responden USAGE_EXCEEDED hasta la próxima recarga o hasta que se añadan créditos.</translation>
    </message>
    <message>
        <source>replaced by a deleted key</source>
        <comment>key status of a rerolled key whose new key was deleted since</comment>
        <translation>sustituida por una clave eliminada</translation>
    </message>
    <message>
        <source>replaced by a deleted key, expires %1</source>
        <comment>key status of a rerolled key whose new key was deleted since, e.g. replaced by a deleted key, expires in 2 hours</comment>
        <translation>sustituida por una clave eliminada, caduca %1</translation>
    </message>
    <message>
        <source>A reroll replaced this key with a new one, which has been deleted since; this old key stops working when its grace period ends.</source>
        <translation>Al regenerarla, esta clave se reemplazó por una nueva que después se eliminó; esta clave antigua deja de funcionar cuando termina su periodo de gracia.</translation>
    </message>
    <message>
        <source>Low on credits: %1 or fewer left, 10 % of this key&apos;s refill of %2 (at least 1).</source>
        <translation>Pocos créditos: quedan %1 o menos, el 10 % de la recarga de %2 de esta clave (al menos 1).</translation>
    </message>
    <message>
        <source>Low on credits: %1 or fewer left (a key without a refill).</source>
        <translation>Pocos créditos: quedan %1 o menos (una clave sin recarga).</translation>
    </message>
    <message>
        <source>Low on credits: at most 10 % of the key&apos;s refill amount left (at least 1), or 10 credits for a key without a refill.</source>
        <translation>Pocos créditos: queda como mucho el 10 % de la recarga de la clave (al menos 1), o 10 créditos para una clave sin recarga.</translation>
    </message>
</context>
<context>
    <name>KeyStatusSection</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Enabled: verifications can succeed</source>
        <translation>Activada: las verificaciones pueden tener éxito</translation>
    </message>
    <message>
        <source>Disabled: every verification is rejected</source>
        <translation>Desactivada: se rechaza toda verificación</translation>
    </message>
    <message>
        <source>Key enabled</source>
        <translation>Clave activada</translation>
    </message>
</context>
<context>
    <name>KeyTableHeader</name>
    <message>
        <source>Select all loaded keys</source>
        <translation>Seleccionar todas las claves cargadas</translation>
    </message>
</context>
<context>
    <name>KeyTextSection</name>
    <message>
        <source>No owner “%1” yet: a new owner is created when you save.</source>
        <translation>Aún no hay ningún propietario «%1»: se crea uno nuevo al guardar.</translation>
    </message>
</context>
<context>
    <name>KeyValidation</name>
    <message>
        <source>expected a property name in double quotes or the closing }</source>
        <comment>JSON syntax error</comment>
        <translation>se esperaba un nombre de propiedad entre comillas dobles o la } de cierre</translation>
    </message>
    <message>
        <source>the text ends too early: a closing &quot; or } is missing</source>
        <comment>JSON syntax error</comment>
        <translation>el texto termina antes de tiempo: falta una &quot; o } de cierre</translation>
    </message>
    <message>
        <source>a colon is missing after a property name</source>
        <comment>JSON syntax error</comment>
        <translation>faltan los dos puntos tras el nombre de una propiedad</translation>
    </message>
    <message>
        <source>expected a comma or the closing ] of a list</source>
        <comment>JSON syntax error</comment>
        <translation>se esperaba una coma o el ] de cierre de una lista</translation>
    </message>
    <message>
        <source>expected a comma or the closing } after a value</source>
        <comment>JSON syntax error</comment>
        <translation>se esperaba una coma o la } de cierre tras un valor</translation>
    </message>
    <message>
        <source>not a valid value (text needs double quotes)</source>
        <comment>JSON syntax error</comment>
        <translation>no es un valor válido (el texto va entre comillas dobles)</translation>
    </message>
    <message>
        <source>the text ends in a number</source>
        <comment>JSON syntax error</comment>
        <translation>el texto termina en medio de un número</translation>
    </message>
    <message>
        <source>not a valid number</source>
        <comment>JSON syntax error</comment>
        <translation>no es un número válido</translation>
    </message>
    <message>
        <source>not a valid escape sequence after \</source>
        <comment>JSON syntax error</comment>
        <translation>secuencia de escape no válida tras \</translation>
    </message>
    <message>
        <source>a character that is not valid here</source>
        <comment>JSON syntax error</comment>
        <translation>un carácter no válido aquí</translation>
    </message>
    <message>
        <source>an object is expected here</source>
        <comment>JSON syntax error</comment>
        <translation>aquí se espera un objeto</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <comment>JSON syntax error</comment>
        <translation>anidado a demasiada profundidad</translation>
    </message>
    <message>
        <source>the text is too long</source>
        <comment>JSON syntax error</comment>
        <translation>el texto es demasiado largo</translation>
    </message>
    <message>
        <source>more text after the closing }</source>
        <comment>JSON syntax error</comment>
        <translation>hay más texto tras la } de cierre</translation>
    </message>
    <message>
        <source>A rate limit name has 3 to 128 characters.</source>
        <translation>El nombre de un límite de frecuencia tiene de 3 a 128 caracteres.</translation>
    </message>
    <message>
        <source>The limit of &quot;%1&quot; must be at least 1.</source>
        <translation>El límite de «%1» debe ser al menos 1.</translation>
    </message>
    <message>
        <source>The window of &quot;%1&quot; must be at least one second.</source>
        <translation>La ventana de «%1» debe durar al menos un segundo.</translation>
    </message>
    <message>
        <source>Choose an API.</source>
        <translation>Elija una API.</translation>
    </message>
    <message>
        <source>This is not a valid API id.</source>
        <translation>Este no es un id de API válido.</translation>
    </message>
    <message>
        <source>The prefix has at most 16 characters.</source>
        <translation>El prefijo tiene como máximo 16 caracteres.</translation>
    </message>
    <message>
        <source>The prefix may contain only letters, digits and underscores.</source>
        <translation>El prefijo solo puede contener letras, dígitos y guiones bajos.</translation>
    </message>
    <message>
        <source>The name has at most 255 characters.</source>
        <translation>El nombre tiene como máximo 255 caracteres.</translation>
    </message>
    <message>
        <source>The owner id has at most 255 characters.</source>
        <translation>El id del propietario tiene como máximo 255 caracteres.</translation>
    </message>
    <message>
        <source>The owner id may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>El id del propietario solo puede contener letras, dígitos, &apos;_&apos;, &apos;.&apos; y &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Meta must be a JSON object, like {&quot;plan&quot;: &quot;pro&quot;}.</source>
        <translation>Los metadatos deben ser un objeto JSON, como {&quot;plan&quot;: &quot;pro&quot;}.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation>JSON no válido en la línea %1, columna %2: %3.</translation>
    </message>
    <message>
        <source>Meta has at most %1 top-level properties.</source>
        <translation>Los metadatos tienen como máximo %1 propiedades de primer nivel.</translation>
    </message>
    <message>
        <source>The expiry lies in the past.</source>
        <translation>La caducidad está en el pasado.</translation>
    </message>
    <message>
        <source>The expiry must be before the year 2100.</source>
        <translation>La caducidad debe ser anterior al año 2100.</translation>
    </message>
    <message>
        <source>A refill needs a limited number of credits.</source>
        <translation>Una recarga necesita un número limitado de créditos.</translation>
    </message>
    <message>
        <source>Remaining credits must be 0 or more.</source>
        <translation>Los créditos restantes deben ser 0 o más.</translation>
    </message>
    <message>
        <source>The refill is daily or monthly.</source>
        <translation>La recarga es diaria o mensual.</translation>
    </message>
    <message>
        <source>The refill amount must be at least 1.</source>
        <translation>La cantidad de recarga debe ser al menos 1.</translation>
    </message>
    <message>
        <source>A monthly refill needs a day of the month between 1 and 31.</source>
        <translation>Una recarga mensual necesita un día del mes entre 1 y 31.</translation>
    </message>
    <message>
        <source>A key has at most %1 rate limits.</source>
        <translation>Una clave tiene como máximo %1 límites de frecuencia.</translation>
    </message>
    <message>
        <source>Two rate limits are named &quot;%1&quot;.</source>
        <translation>Hay dos límites de frecuencia llamados «%1».</translation>
    </message>
    <message>
        <source>A permission has 1 to 128 characters.</source>
        <translation>Un permiso tiene de 1 a 128 caracteres.</translation>
    </message>
    <message>
        <source>A role name has 1 to 128 characters.</source>
        <translation>El nombre de un rol tiene de 1 a 128 caracteres.</translation>
    </message>
    <message>
        <source>A key has at most %1 direct permissions.</source>
        <translation>Una clave tiene como máximo %1 permisos directos.</translation>
    </message>
    <message>
        <source>A key has at most %1 roles.</source>
        <translation>Una clave tiene como máximo %1 roles.</translation>
    </message>
    <message>
        <source>A permission may contain only letters, digits and %1</source>
        <translation>Un permiso solo puede contener letras, dígitos y %1</translation>
    </message>
</context>
<context>
    <name>KeysBulkRun</name>
    <message numerus="yes">
        <source>%n key(s) disabled.</source>
        <translation>
            <numerusform>%n clave desactivada.</numerusform>
            <numerusform>%n claves desactivadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) enabled.</source>
        <translation>
            <numerusform>%n clave activada.</numerusform>
            <numerusform>%n claves activadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) deleted.</source>
        <translation>
            <numerusform>%n clave eliminada.</numerusform>
            <numerusform>%n claves eliminadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n falló.</numerusform>
            <numerusform>%n fallaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>Eliminar claves</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar la clave seleccionada? Las verificaciones de claves eliminadas fallan de inmediato; no se puede deshacer.</numerusform>
            <numerusform>¿Eliminar las %n claves seleccionadas? Las verificaciones de claves eliminadas fallan de inmediato; no se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Disable keys</source>
        <translation>Desactivar claves</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n selected key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>¿Desactivar la clave seleccionada? Sus verificaciones fallan hasta que se vuelva a activar.</numerusform>
            <numerusform>¿Desactivar %n claves seleccionadas? Sus verificaciones fallan hasta que se vuelvan a activar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>¿Desactivar %n clave? Sus verificaciones fallan hasta que se vuelva a activar.</numerusform>
            <numerusform>¿Desactivar %n claves? Sus verificaciones fallan hasta que se vuelvan a activar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already disabled and stays so.</source>
        <translation>
            <numerusform>%n de las claves seleccionadas ya está desactivada y sigue así.</numerusform>
            <numerusform>%n de las claves seleccionadas ya están desactivadas y siguen así.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Enable keys</source>
        <translation>Activar claves</translation>
    </message>
    <message numerus="yes">
        <source>Enable %n selected key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>¿Activar la clave seleccionada? Vuelve a verificarse, salvo que haya caducado o no le queden créditos.</numerusform>
            <numerusform>¿Activar %n claves seleccionadas? Vuelven a verificarse, salvo que hayan caducado o no les queden créditos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>¿Activar %n clave? Vuelve a verificarse, salvo que haya caducado o se haya quedado sin créditos.</numerusform>
            <numerusform>¿Activar %n claves? Vuelven a verificarse, salvo que hayan caducado o se hayan quedado sin créditos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already enabled and stays so.</source>
        <translation>
            <numerusform>%n de las claves seleccionadas ya está activada y sigue así.</numerusform>
            <numerusform>%n de las claves seleccionadas ya están activadas y siguen así.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
</context>
<context>
    <name>KeysListBar</name>
    <message>
        <source>Select keys first: the boxes at the start of their rows.</source>
        <translation>Seleccione primero claves: las casillas al inicio de sus filas.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionada</numerusform>
            <numerusform>%n seleccionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>None selected</source>
        <comment>keys in the list</comment>
        <translation>Ninguna seleccionada</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>The selected keys are all disabled already.</source>
        <translation>Las claves seleccionadas ya están todas desactivadas.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>The selected keys are all enabled already.</source>
        <translation>Las claves seleccionadas ya están todas activadas.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Borrar la selección</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message numerus="yes">
        <source>Searching… %n key(s) checked</source>
        <translation>
            <numerusform>Buscando… %n clave revisada</numerusform>
            <numerusform>Buscando… %n claves revisadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys of %1</source>
        <translation>Claves de %1</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Claves</translation>
    </message>
    <message>
        <source>No key matches “%1”.</source>
        <translation>Ninguna clave coincide con «%1».</translation>
    </message>
    <message>
        <source>This API has no keys yet</source>
        <translation>Esta API aún no tiene claves</translation>
    </message>
    <message>
        <source>Clear the filter to see every key.</source>
        <translation>Borre el filtro para ver todas las claves.</translation>
    </message>
    <message>
        <source>Issue the first one with “Issue key” (Ctrl+N).</source>
        <translation>Emita la primera con «Emitir clave» (Ctrl+N).</translation>
    </message>
</context>
<context>
    <name>KeysPageHeader</name>
    <message>
        <source>Filter by name, start or owner</source>
        <translation>Nombre, inicio o propietario</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Hide charts</source>
        <translation>Ocultar gráficos</translation>
    </message>
    <message>
        <source>Show charts</source>
        <translation>Mostrar gráficos</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the list (keys added elsewhere too)</source>
        <translation>Actualizar la lista (también claves añadidas en otro lugar)</translation>
    </message>
</context>
<context>
    <name>KeysTableRelay</name>
    <message>
        <source>Keys</source>
        <translation>Claves</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::ApiClient</name>
    <message>
        <source>TLS error</source>
        <translation>Error de TLS</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was rejected: %1</source>
        <translation>Se rechazó el certificado del servidor: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>No hay conexión con ningún servidor.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Error de red</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>No se puede acceder a %1: %2</translation>
    </message>
    <message>
        <source>The server did not answer in time; the change may still have been made. Reload before trying again.</source>
        <translation>El servidor no respondió a tiempo; es posible que el cambio se haya realizado de todos modos. Vuelva a cargar antes de intentarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::ConnectionController</name>
    <message>
        <source>Enter the server&apos;s address, e.g. https://keys.example.com.</source>
        <translation>Introduzca la dirección del servidor, p. ej. https://keys.example.com.</translation>
    </message>
    <message>
        <source>“%1” is not an http:// or https:// server address.</source>
        <translation>«%1» no es una dirección de servidor http:// o https://.</translation>
    </message>
    <message>
        <source>Enter a root key.</source>
        <translation>Introduzca una clave raíz.</translation>
    </message>
    <message>
        <source>Plain http:// to another machine sends the root key unencrypted; confirm it first.</source>
        <translation>Un http:// sin cifrar hacia otra máquina envía la clave raíz sin cifrar; confírmelo primero.</translation>
    </message>
    <message>
        <source>The server at %1 does not accept this root key: %2</source>
        <translation>El servidor en %1 no acepta esta clave raíz: %2</translation>
    </message>
    <message>
        <source>“%1” is not http or https: write http:// or https:// in front of the host.</source>
        <translation>«%1» no es http ni https: escriba http:// o https:// delante del host.</translation>
    </message>
    <message>
        <source>“%1” is missing part of “://”: write %2://host.</source>
        <translation>A «%1» le falta parte de «://»: escriba %2://host.</translation>
    </message>
    <message>
        <source>“%1” has no http:// or https:// in front: write which one the server uses, e.g. https://%1.</source>
        <translation>«%1» no lleva http:// ni https:// delante: escriba el que use el servidor, p. ej. https://%1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::Formatter</name>
    <message>
        <source>%1 d</source>
        <comment>duration in days</comment>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>duration in hours</comment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration in minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>duration in milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>dentro de %Ln día</numerusform>
            <numerusform>dentro de %Ln días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>hace %Ln día</numerusform>
            <numerusform>hace %Ln días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln hour(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>dentro de %Ln hora</numerusform>
            <numerusform>dentro de %Ln horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>hace %Ln hora</numerusform>
            <numerusform>hace %Ln horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln minute(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>dentro de %Ln minuto</numerusform>
            <numerusform>dentro de %Ln minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>hace %Ln minuto</numerusform>
            <numerusform>hace %Ln minutos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::IssueKeyController</name>
    <message>
        <source>The role ‘%1’ could not be created: %2</source>
        <translation>No se pudo crear el rol «%1»: %2</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::KeyDetailController</name>
    <message>
        <source>Unknown credit operation.</source>
        <translation>Operación de créditos desconocida.</translation>
    </message>
    <message>
        <source>Enter a number of credits of 0 or more.</source>
        <translation>Introduzca un número de créditos de 0 o más.</translation>
    </message>
    <message>
        <source>This key is not recoverable: its value was never stored.</source>
        <translation>Esta clave no es recuperable: su valor nunca se guardó.</translation>
    </message>
    <message>
        <source>The grace period cannot be negative.</source>
        <translation>El periodo de gracia no puede ser negativo.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::LocalServerController</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::RootKeyVault</name>
    <message>
        <source>No keychain on this computer: the root key is not stored and will be asked again.</source>
        <translation>No hay llavero en este equipo: la clave raíz no se guarda y se volverá a pedir.</translation>
    </message>
    <message>
        <source>The keychain is locked: the root key is not stored and will be asked again. Unlock the keychain to have keys remembered.</source>
        <translation>El llavero está bloqueado: la clave raíz no se guarda y se volverá a pedir. Desbloquee el llavero para que se recuerden las claves.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::UsageExport</name>
    <message>
        <source>an export is already running</source>
        <translation>ya hay una exportación en curso</translation>
    </message>
    <message>
        <source>not connected to a server</source>
        <translation>no hay conexión con un servidor</translation>
    </message>
    <message>
        <source>no owner is selected</source>
        <translation>no hay ningún propietario seleccionado</translation>
    </message>
    <message>
        <source>not a file on this computer</source>
        <translation>no es un archivo de este equipo</translation>
    </message>
</context>
<context>
    <name>LeaveQuestion</name>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: %1. Leaving the page discards them.</source>
        <translation>Estas tarjetas tienen cambios sin guardar: %1. Al salir de la página se descartan.</translation>
    </message>
    <message>
        <source>Discard and leave</source>
        <translation>Descartar y salir</translation>
    </message>
</context>
<context>
    <name>ListFooter</name>
    <message>
        <source>Loading more</source>
        <translation>Cargando más</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Cargar más</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <comment>order of a list&apos;s rows</comment>
        <translation>Los más antiguos primero</translation>
    </message>
</context>
<context>
    <name>ListPageHeader</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Atrás (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+F)</source>
        <translation>%1 (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ListPlaceholder</name>
    <message>
        <source>Could not load: %1</source>
        <translation>No se pudo cargar: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Load the list again</source>
        <translation>Volver a cargar la lista</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
</context>
<context>
    <name>LocalServerCard</name>
    <message>
        <source>Start a local server</source>
        <translation>Iniciar un servidor local</translation>
    </message>
    <message>
        <source>Runs a Latchkey server inside this app, with its data on this computer. Nothing to install or configure.</source>
        <translation>Ejecuta un servidor Latchkey dentro de esta aplicación, con sus datos en este equipo. Nada que instalar ni configurar.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Carpeta de datos: %1</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>En marcha en %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the local server</source>
        <translation>Abrir el servidor local</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the local server</source>
        <translation>Detener el servidor local</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
</context>
<context>
    <name>MetaEditor</name>
    <message>
        <source>Meta (JSON)</source>
        <translation>Metadatos (JSON)</translation>
    </message>
    <message>
        <source>e.g. {&quot;plan&quot;: &quot;pro&quot;}</source>
        <translation>p. ej. {&quot;plan&quot;: &quot;pro&quot;}</translation>
    </message>
</context>
<context>
    <name>MetaSection</name>
    <message>
        <source>Meta</source>
        <translation>Metadatos</translation>
    </message>
</context>
<context>
    <name>NamedItemList</name>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nada coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>NamespaceActions</name>
    <message>
        <source>Namespace “%1” renamed to “%2”</source>
        <translation>Espacio de nombres «%1» renombrado a «%2»</translation>
    </message>
    <message>
        <source>Namespace “%1” deleted</source>
        <translation>Espacio de nombres «%1» eliminado</translation>
    </message>
    <message>
        <source>Delete namespace</source>
        <translation>Eliminar espacio de nombres</translation>
    </message>
    <message numerus="yes">
        <source>Delete the namespace “%1” and its %n override(s)? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.</source>
        <translation>
            <numerusform>¿Eliminar el espacio de nombres «%1» y su %n excepción? A partir de entonces, toda llamada a ratelimit.limit que lo nombre falla con 410 (Gone), y su nombre no se podrá usar para un nuevo espacio de nombres.</numerusform>
            <numerusform>¿Eliminar el espacio de nombres «%1» y sus %n excepciones? A partir de entonces, toda llamada a ratelimit.limit que lo nombre falla con 410 (Gone), y su nombre no se podrá usar para un nuevo espacio de nombres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>NamespaceNameField</name>
    <message>
        <source>Not allowed in a namespace name: %1. Only a–z, A–Z, 0–9 and _ - . are.</source>
        <translation>No se permite en el nombre de un espacio de nombres: %1. Solo se admiten a–z, A–Z, 0–9 y _ - .</translation>
    </message>
    <message>
        <source>At most 512 characters.</source>
        <translation>Como máximo 512 caracteres.</translation>
    </message>
    <message>
        <source>spaces</source>
        <comment>not allowed in a namespace name</comment>
        <translation>espacios</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>Namespace name</source>
        <translation>Nombre del espacio de nombres</translation>
    </message>
    <message>
        <source>The name your ratelimit.limit calls use: letters, digits and %1, e.g. “email.send” or “uploads”.</source>
        <translation>El nombre que usan sus llamadas a ratelimit.limit: letras, dígitos y %1, p. ej. «email.send» o «uploads».</translation>
    </message>
</context>
<context>
    <name>NamespacePaneHeader</name>
    <message>
        <source>Overrides of %1</source>
        <translation>Excepciones de %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Set override</source>
        <translation>Fijar excepción</translation>
    </message>
</context>
<context>
    <name>NewApiDialog</name>
    <message>
        <source>New API</source>
        <translation>Nueva API</translation>
    </message>
    <message>
        <source>Discard this API&apos;s name?</source>
        <translation>¿Descartar el nombre de esta API?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>3 to 256 characters, e.g. “billing-service”.</source>
        <translation>De 3 a 256 caracteres, p. ej. «billing-service».</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>Nombre de la API</translation>
    </message>
</context>
<context>
    <name>NumberSpinBox</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Introduzca un número entero de %1 a %2.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Set override</source>
        <translation>Fijar excepción</translation>
    </message>
    <message>
        <source>Identifier or pattern</source>
        <translation>Identificador o patrón</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Requests allowed per window; 0 blocks every matching identifier.</source>
        <translation>Solicitudes permitidas por ventana; 0 bloquea todo identificador que coincida.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Duración de la ventana</translation>
    </message>
    <message>
        <source>Window unit</source>
        <translation>Unidad de la ventana</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>New namespace</source>
        <translation>Nuevo espacio de nombres</translation>
    </message>
    <message>
        <source>At most 512 characters.</source>
        <translation>Como máximo 512 caracteres.</translation>
    </message>
    <message>
        <source>“**” matches the same as a single “*”: write one * for any run of characters.</source>
        <translation>«**» equivale a un solo «*»: escriba un * para cualquier secuencia de caracteres.</translation>
    </message>
    <message>
        <source>Identifiers cannot contain tabs, line breaks or other control characters.</source>
        <translation>Los identificadores no pueden contener tabuladores, saltos de línea ni otros caracteres de control.</translation>
    </message>
    <message>
        <source>Exactly the identifier “%1”.</source>
        <translation>Exactamente el identificador «%1».</translation>
    </message>
    <message>
        <source>Every identifier of the namespace.</source>
        <translation>Todos los identificadores del espacio de nombres.</translation>
    </message>
    <message>
        <source>Every identifier that contains “%1”.</source>
        <translation>Todo identificador que contenga «%1».</translation>
    </message>
    <message>
        <source>Every identifier that starts with “%1”.</source>
        <translation>Todo identificador que empiece por «%1».</translation>
    </message>
    <message>
        <source>Every identifier that ends with “%1”.</source>
        <translation>Todo identificador que termine en «%1».</translation>
    </message>
    <message>
        <source>Every identifier of the form “%1”, each * standing for any characters.</source>
        <translation>Todo identificador de la forma «%1», donde cada * representa cualquier secuencia de caracteres.</translation>
    </message>
    <message>
        <source>First override (optional)</source>
        <translation>Primera excepción (opcional)</translation>
    </message>
    <message>
        <source>Leave empty for no override.</source>
        <translation>Déjelo vacío para no crear ninguna excepción.</translation>
    </message>
    <message>
        <source>* stands for any run of characters, also none: “admin_*” matches admin_1 and admin_, “*_test” matches user_test, “*” matches every identifier. Everything else must match exactly (case matters). An exact identifier wins over patterns; among patterns the longest wins.</source>
        <translation>* representa cualquier secuencia de caracteres, incluso ninguna: «admin_*» coincide con admin_1 y admin_, «*_test» con user_test, «*» con todos los identificadores. Todo lo demás debe coincidir exactamente (se distinguen mayúsculas). Un identificador exacto prevalece sobre los patrones; entre patrones gana el más largo.</translation>
    </message>
    <message>
        <source>Discard this namespace&apos;s details?</source>
        <translation>¿Descartar los datos de este espacio de nombres?</translation>
    </message>
    <message>
        <source>Discard this override&apos;s details?</source>
        <translation>¿Descartar los datos de esta excepción?</translation>
    </message>
    <message>
        <source>Set override in “%1”</source>
        <translation>Establecer excepción en «%1»</translation>
    </message>
    <message>
        <source>d</source>
        <comment>days</comment>
        <translation>días</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours</comment>
        <translation>h</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes</comment>
        <translation>min</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>“%1” has an override already: %2. Saving replaces it.</source>
        <translation>«%1» ya tiene una excepción: %2. Guardar la reemplaza.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Create an API first</source>
        <translation>Cree primero una API</translation>
    </message>
    <message>
        <source>Every key belongs to an API, one per service you protect. Create one, then issue keys for it.</source>
        <translation>Cada clave pertenece a una API, una por servicio que protege. Cree una y luego emita claves para ella.</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Nueva API</translation>
    </message>
</context>
<context>
    <name>OwnerDetailPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Issue key for this owner</source>
        <translation>Emitir clave para este propietario</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>This owner does not exist (any more).</source>
        <translation>Este propietario no existe (ya).</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Shared rate limits</source>
        <translation>Límites de frecuencia compartidos</translation>
    </message>
    <message>
        <source>Keys (%1)</source>
        <translation>Claves (%1)</translation>
    </message>
    <message>
        <source>Keys of the owner</source>
        <translation>Claves del propietario</translation>
    </message>
    <message>
        <source>No keys</source>
        <translation>Sin claves</translation>
    </message>
    <message>
        <source>Issue this owner a key with “Issue key for this owner”.</source>
        <translation>Emita una clave a este propietario con «Emitir clave para este propietario».</translation>
    </message>
    <message>
        <source>Shared by all the owner&apos;s keys.</source>
        <translation>Las comparten todas las claves del propietario.</translation>
    </message>
    <message>
        <source>No shared rate limits: the owner&apos;s keys are limited only by their own rate limits.</source>
        <translation>Sin límites de frecuencia compartidos: las claves del propietario solo tienen sus propios límites de frecuencia.</translation>
    </message>
</context>
<context>
    <name>OwnerMatches</name>
    <message>
        <source>Existing owner.</source>
        <translation>Propietario existente.</translation>
    </message>
    <message>
        <source>No owner “%1” yet: a new owner is created with the key.</source>
        <translation>Aún no hay ningún propietario «%1»: se crea uno nuevo con la clave.</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Quizá quería decir:</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>Propietario %1</translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message>
        <source>Owners</source>
        <translation>Propietarios</translation>
    </message>
    <message>
        <source>Search owners by external id</source>
        <translation>Buscar propietarios por id externo</translation>
    </message>
    <message>
        <source>New owner</source>
        <translation>Nuevo propietario</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>Propietario %1</translation>
    </message>
    <message numerus="yes">
        <source>%n shared rate limit(s)</source>
        <translation>
            <numerusform>%n límite compartido</numerusform>
            <numerusform>%n límites compartidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n clave</numerusform>
            <numerusform>%n claves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner %1, %n key(s)</source>
        <translation>
            <numerusform>Propietario %1, %n clave</numerusform>
            <numerusform>Propietario %1, %n claves</numerusform>
        </translation>
    </message>
    <message>
        <source>No owner matches “%1”.</source>
        <translation>Ningún propietario coincide con «%1».</translation>
    </message>
    <message>
        <source>No owners yet</source>
        <translation>Aún no hay propietarios</translation>
    </message>
    <message>
        <source>Search matches any part of the external id or the id, ignoring case.</source>
        <translation>La búsqueda coincide con cualquier parte del id externo o del id, sin distinguir mayúsculas.</translation>
    </message>
    <message>
        <source>Owners are created when a key is issued with an external id, or with “New owner”.</source>
        <translation>Los propietarios se crean al emitir una clave con id externo, o con «Nuevo propietario».</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Id externo</translation>
    </message>
    <message>
        <source>Your system&apos;s id for this customer, e.g. “user_123” or “org_acme”.</source>
        <translation>El id de este cliente en su sistema, p. ej. «user_123» u «org_acme».</translation>
    </message>
    <message>
        <source>Discard this owner&apos;s external id?</source>
        <translation>¿Descartar el id externo de este propietario?</translation>
    </message>
    <message>
        <source>Open owner</source>
        <translation>Abrir propietario</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Propietarios</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Claves</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Permissions &amp; roles</source>
        <translation>Permisos y roles</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Límites de frecuencia</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Root keys</source>
        <translation>Claves raíz</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>PermissionPicker</name>
    <message>
        <source>Permission, e.g. documents.read</source>
        <translation>Permiso, p. ej. documents.read</translation>
    </message>
    <message>
        <source>Add a permission</source>
        <translation>Añadir un permiso</translation>
    </message>
    <message>
        <source>No direct permissions.</source>
        <translation>Sin permisos directos.</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Conceder</translation>
    </message>
    <message>
        <source>Grant %1</source>
        <comment>the highlighted permission that Enter grants</comment>
        <translation>Conceder %1</translation>
    </message>
    <message>
        <source>At most 128 characters.</source>
        <translation>Como máximo 128 caracteres.</translation>
    </message>
    <message>
        <source>Create and grant</source>
        <translation>Crear y conceder</translation>
    </message>
    <message>
        <source>Create permission “%1” for the whole workspace</source>
        <translation>Crear el permiso «%1» para todo el espacio de trabajo</translation>
    </message>
    <message>
        <source>Only letters, digits and %1 are allowed.</source>
        <translation>Solo se permiten letras, dígitos y %1.</translation>
    </message>
</context>
<context>
    <name>PermissionWords</name>
    <message>
        <source>Create APIs</source>
        <translation>Crear API</translation>
    </message>
    <message>
        <source>View APIs</source>
        <translation>Ver API</translation>
    </message>
    <message>
        <source>Edit APIs</source>
        <translation>Editar API</translation>
    </message>
    <message>
        <source>Delete APIs</source>
        <translation>Eliminar API</translation>
    </message>
    <message>
        <source>Issue keys</source>
        <translation>Emitir claves</translation>
    </message>
    <message>
        <source>View keys</source>
        <translation>Ver claves</translation>
    </message>
    <message>
        <source>Edit keys</source>
        <translation>Editar claves</translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>Eliminar claves</translation>
    </message>
    <message>
        <source>Verify keys</source>
        <translation>Verificar claves</translation>
    </message>
    <message>
        <source>Store keys recoverably</source>
        <translation>Guardar claves recuperables</translation>
    </message>
    <message>
        <source>Show stored keys</source>
        <translation>Mostrar claves guardadas</translation>
    </message>
    <message>
        <source>View analytics</source>
        <translation>Ver analíticas</translation>
    </message>
    <message>
        <source>Check rate limits</source>
        <translation>Comprobar límites de frecuencia</translation>
    </message>
    <message>
        <source>Create namespaces</source>
        <translation>Crear espacios de nombres</translation>
    </message>
    <message>
        <source>View namespaces</source>
        <translation>Ver espacios de nombres</translation>
    </message>
    <message>
        <source>Edit namespaces</source>
        <translation>Editar espacios de nombres</translation>
    </message>
    <message>
        <source>Delete namespaces</source>
        <translation>Eliminar espacios de nombres</translation>
    </message>
    <message>
        <source>Set overrides</source>
        <translation>Fijar excepciones</translation>
    </message>
    <message>
        <source>View overrides</source>
        <translation>Ver excepciones</translation>
    </message>
    <message>
        <source>Delete overrides</source>
        <translation>Eliminar excepciones</translation>
    </message>
    <message>
        <source>Create permissions</source>
        <translation>Crear permisos</translation>
    </message>
    <message>
        <source>View permissions</source>
        <translation>Ver permisos</translation>
    </message>
    <message>
        <source>Edit permissions</source>
        <translation>Editar permisos</translation>
    </message>
    <message>
        <source>Delete permissions</source>
        <translation>Eliminar permisos</translation>
    </message>
    <message>
        <source>Create roles</source>
        <translation>Crear roles</translation>
    </message>
    <message>
        <source>View roles</source>
        <translation>Ver roles</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Editar roles</translation>
    </message>
    <message>
        <source>Delete roles</source>
        <translation>Eliminar roles</translation>
    </message>
    <message>
        <source>Give keys permissions</source>
        <translation>Dar permisos a claves</translation>
    </message>
    <message>
        <source>Take permissions from keys</source>
        <translation>Quitar permisos a claves</translation>
    </message>
    <message>
        <source>Give keys roles</source>
        <translation>Dar roles a claves</translation>
    </message>
    <message>
        <source>Take roles from keys</source>
        <translation>Quitar roles a claves</translation>
    </message>
    <message>
        <source>Add permissions to roles</source>
        <translation>Añadir permisos a roles</translation>
    </message>
    <message>
        <source>Remove permissions from roles</source>
        <translation>Quitar permisos a roles</translation>
    </message>
    <message>
        <source>Create owners</source>
        <translation>Crear propietarios</translation>
    </message>
    <message>
        <source>View owners</source>
        <translation>Ver propietarios</translation>
    </message>
    <message>
        <source>Edit owners</source>
        <translation>Editar propietarios</translation>
    </message>
    <message>
        <source>Delete owners</source>
        <translation>Eliminar propietarios</translation>
    </message>
    <message>
        <source>Create root keys</source>
        <translation>Crear claves raíz</translation>
    </message>
    <message>
        <source>View root keys</source>
        <translation>Ver claves raíz</translation>
    </message>
    <message>
        <source>Delete root keys</source>
        <translation>Eliminar claves raíz</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Leer el registro de auditoría</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a permission in words and the one API or namespace it is limited to</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Your root key lacks the permission “%1” (%2).</source>
        <comment>%1: the permission in words (“Edit keys”), %2: its name</comment>
        <translation>A su clave raíz le falta el permiso «%1» (%2).</translation>
    </message>
    <message>
        <source>View verification analytics</source>
        <translation>Ver analíticas de verificaciones</translation>
    </message>
    <message>
        <source>View rate-limit analytics</source>
        <translation>Ver analíticas de límites de frecuencia</translation>
    </message>
</context>
<context>
    <name>PermissionsPage</name>
    <message>
        <source>Add new</source>
        <comment>a permission created when the role is created</comment>
        <translation>Añadir nuevo</translation>
    </message>
    <message>
        <source>Permissions &amp; roles</source>
        <translation>Permisos y roles</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Search permissions</source>
        <translation>Buscar permisos</translation>
    </message>
    <message>
        <source>New permission</source>
        <translation>Nuevo permiso</translation>
    </message>
    <message>
        <source>No permissions yet</source>
        <translation>Aún no hay permisos</translation>
    </message>
    <message>
        <source>A permission is a slug like “documents.read” that keys or roles grant; verifications can demand it.</source>
        <translation>Un permiso es un identificador como «documents.read» que conceden claves o roles; las verificaciones pueden exigirlo.</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Search roles</source>
        <translation>Buscar roles</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Nuevo rol</translation>
    </message>
    <message>
        <source>No roles yet</source>
        <translation>Aún no hay roles</translation>
    </message>
    <message>
        <source>A role bundles permissions, e.g. “support” with “tickets.read” and “tickets.write”.</source>
        <translation>Un rol agrupa permisos, p. ej. «support» con «tickets.read» y «tickets.write».</translation>
    </message>
    <message>
        <source>no permissions</source>
        <translation>sin permisos</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the permission “%1”? Keys and roles that grant it lose it.</source>
        <translation>¿Eliminar el permiso «%1»? Las claves y los roles que lo conceden lo pierden.</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Permission slug</source>
        <translation>Identificador del permiso</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>Descripción (opcional)</translation>
    </message>
    <message>
        <source>Permission description</source>
        <translation>Descripción del permiso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role name</source>
        <translation>Nombre del rol</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Descripción del rol</translation>
    </message>
    <message>
        <source>Permissions (optional)</source>
        <translation>Permisos (opcional)</translation>
    </message>
    <message>
        <source>Missing ones are created with the role.</source>
        <translation>Los que falten se crean con el rol.</translation>
    </message>
    <message>
        <source>This role grants no permissions.</source>
        <translation>Este rol no concede ningún permiso.</translation>
    </message>
    <message>
        <source>Discard this permission&apos;s details?</source>
        <translation>¿Descartar los datos de este permiso?</translation>
    </message>
    <message>
        <source>Discard this role&apos;s details?</source>
        <translation>¿Descartar los datos de este rol?</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Eliminar rol</translation>
    </message>
    <message>
        <source>Delete permission</source>
        <translation>Eliminar permiso</translation>
    </message>
    <message>
        <source>Delete the role “%1”? Every key that holds it, in every API, loses the permissions it grants at once. This cannot be undone.</source>
        <translation>¿Eliminar el rol «%1»? Todas las claves que lo tienen, en todas las API, pierden al instante los permisos que concede. No se puede deshacer.</translation>
    </message>
    <message>
        <source>spaces</source>
        <comment>not allowed in a permission slug</comment>
        <translation>espacios</translation>
    </message>
    <message>
        <source>Letters, digits and %1, e.g. “documents.read”.</source>
        <translation>Letras, dígitos y %1, p. ej. «documents.read».</translation>
    </message>
    <message>
        <source>Not allowed in a slug: %1. Only letters, digits and %2 are.</source>
        <translation>No se permite: %1. Un identificador solo lleva letras, dígitos y %2.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a character not allowed in a permission slug, quoted</comment>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>RatelimitPage</name>
    <message>
        <source>Rate limits</source>
        <translation>Límites de frecuencia</translation>
    </message>
    <message>
        <source>Filter namespaces</source>
        <translation>Filtrar espacios de nombres</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Delete override</source>
        <translation>Eliminar excepción</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Espacios de nombres</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1, %n override(s)</source>
        <translation>
            <numerusform>Espacio de nombres %1, %n excepción</numerusform>
            <numerusform>Espacio de nombres %1, %n excepciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n override(s)</source>
        <translation>
            <numerusform>%n excepción</numerusform>
            <numerusform>%n excepciones</numerusform>
        </translation>
    </message>
    <message>
        <source>No namespaces yet</source>
        <translation>Aún no hay espacios de nombres</translation>
    </message>
    <message>
        <source>Create one here, or let your service&apos;s first ratelimit.limit call create it.</source>
        <translation>Cree uno aquí, o deje que lo cree la primera llamada a ratelimit.limit de su servicio.</translation>
    </message>
    <message>
        <source>No namespace matches “%1”.</source>
        <translation>Ningún espacio de nombres coincide con «%1».</translation>
    </message>
    <message>
        <source>Clear the filter to see every namespace.</source>
        <translation>Borre el filtro para ver todos los espacios de nombres.</translation>
    </message>
    <message>
        <source>A namespace is made with “New namespace”, or by the first ratelimit.limit call that names it. Its overrides and charts then appear here.</source>
        <translation>Un espacio de nombres se crea con «Nuevo espacio de nombres» o con la primera llamada a ratelimit.limit que lo nombra. Sus excepciones y gráficos aparecen entonces aquí.</translation>
    </message>
    <message>
        <source>Choose a namespace</source>
        <translation>Elija un espacio de nombres</translation>
    </message>
    <message>
        <source>Its overrides and charts appear here.</source>
        <translation>Aquí aparecen sus excepciones y gráficos.</translation>
    </message>
    <message>
        <source>No namespace to choose</source>
        <translation>No hay ningún espacio de nombres para elegir</translation>
    </message>
    <message>
        <source>This root key may not read rate-limit namespaces, so there are no overrides or charts to show here.</source>
        <translation>Esta clave raíz no puede leer espacios de nombres de límites de frecuencia, así que aquí no hay excepciones ni gráficos que mostrar.</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Excepciones</translation>
    </message>
    <message>
        <source>Override %1: %2 per %3</source>
        <translation>Excepción %1: %2 por %3</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>patrón</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>No overrides</source>
        <translation>Sin excepciones</translation>
    </message>
    <message>
        <source>Every identifier gets the limit its request asks for. “Set override” gives chosen identifiers (or patterns) another limit.</source>
        <translation>Cada identificador recibe el límite que pide su solicitud. «Fijar excepción» da otro límite a los identificadores (o patrones) elegidos.</translation>
    </message>
    <message>
        <source>New namespace</source>
        <translation>Nuevo espacio de nombres</translation>
    </message>
    <message>
        <source>The namespace “%1” does not exist (any more).</source>
        <translation>El espacio de nombres «%1» no existe (o ya no existe).</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the namespaces</source>
        <translation>Volver a los espacios de nombres</translation>
    </message>
    <message>
        <source>Override for “%1” saved</source>
        <translation>Excepción para «%1» guardada</translation>
    </message>
    <message>
        <source>Delete the override for “%1”? The identifiers it covers then follow another override that matches them (a wildcard), or else the limit given in each request.</source>
        <translation>¿Eliminar la excepción de «%1»? Los identificadores a los que se aplica siguen entonces otra excepción que coincida (un comodín) o, si no hay ninguna, el límite indicado en cada solicitud.</translation>
    </message>
</context>
<context>
    <name>RatelimitsEditor</name>
    <message>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes</comment>
        <translation>min</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours</comment>
        <translation>h</translation>
    </message>
    <message>
        <source>d</source>
        <comment>days</comment>
        <translation>días</translation>
    </message>
    <message>
        <source>No rate limits: this key can be verified as often as the server allows.</source>
        <translation>Sin límites de frecuencia: esta clave puede verificarse tantas veces como permita el servidor.</translation>
    </message>
    <message>
        <source>Name, e.g. requests</source>
        <translation>Nombre, p. ej. requests</translation>
    </message>
    <message>
        <source>Rate limit name</source>
        <translation>Nombre del límite de frecuencia</translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation>Solicitudes permitidas por ventana</translation>
    </message>
    <message>
        <source>per</source>
        <translation>por</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Duración de la ventana</translation>
    </message>
    <message>
        <source>Window unit</source>
        <translation>Unidad de la ventana</translation>
    </message>
    <message>
        <source>Auto-apply</source>
        <translation>Aplicar siempre</translation>
    </message>
    <message>
        <source>Checked on every verification, without naming it in the request</source>
        <translation>Se comprueba en cada verificación, sin nombrarlo en la solicitud</translation>
    </message>
    <message>
        <source>Remove rate limit %1</source>
        <translation>Quitar el límite de frecuencia %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add rate limit</source>
        <translation>Añadir límite de frecuencia</translation>
    </message>
</context>
<context>
    <name>RatelimitsSection</name>
    <message>
        <source>Rate limits</source>
        <translation>Límites de frecuencia</translation>
    </message>
</context>
<context>
    <name>RecentConnections</name>
    <message>
        <source>root key in the keychain</source>
        <translation>clave raíz en el llavero</translation>
    </message>
    <message>
        <source>root key not stored</source>
        <translation>clave raíz no guardada</translation>
    </message>
    <message>
        <source>last used %1</source>
        <translation>último uso %1</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Conexiones recientes</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Conectar a %1</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Olvidar</translation>
    </message>
    <message>
        <source>Forget %1</source>
        <translation>Olvidar %1</translation>
    </message>
</context>
<context>
    <name>RenameNamespaceDialog</name>
    <message>
        <source>Rename namespace “%1”</source>
        <translation>Renombrar el espacio de nombres «%1»</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Discard the new name?</source>
        <translation>¿Descartar el nuevo nombre?</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nuevo nombre</translation>
    </message>
    <message>
        <source>Its overrides, its counters and its id stay. Calls that still name “%1” no longer reach it: ratelimit.limit makes a new namespace of that name for them. Change them to the new name.</source>
        <translation>Sus excepciones, sus contadores y su id se mantienen. Las llamadas que aún nombren «%1» ya no lo alcanzan: ratelimit.limit crea para ellas un nuevo espacio de nombres con ese nombre. Cámbielas al nuevo nombre.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role “%1”</source>
        <translation>Rol «%1»</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>This role grants no permissions.</source>
        <translation>Este rol no concede ningún permiso.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <source>Role, e.g. support</source>
        <translation>Rol, p. ej. support</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>Añadir un rol</translation>
    </message>
    <message>
        <source>No roles.</source>
        <translation>Sin roles.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Grants %1.</source>
        <comment>a role: the permissions it grants</comment>
        <translation>Concede %1.</translation>
    </message>
    <message>
        <source>Grants no permissions.</source>
        <comment>a role</comment>
        <translation>No concede ningún permiso.</translation>
    </message>
    <message>
        <source>New role: grants no permissions until some are added under Permissions &amp; roles.</source>
        <translation>Rol nuevo: no concede ningún permiso hasta que se le añadan en «Permisos y roles».</translation>
    </message>
    <message>
        <source>Create role “%1” for the whole workspace</source>
        <translation>Crear el rol «%1» para todo el espacio de trabajo</translation>
    </message>
</context>
<context>
    <name>RootKeyDialog</name>
    <message>
        <source>New root key</source>
        <translation>Nueva clave raíz</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. “billing backend”</source>
        <translation>p. ej. «backend de facturación»</translation>
    </message>
    <message>
        <source>Root key name</source>
        <translation>Nombre de la clave raíz</translation>
    </message>
    <message>
        <source>Permissions (%1 chosen)</source>
        <translation>Permisos (%1 elegidos)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>APIs and keys</source>
        <translation>API y claves</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Límites de frecuencia</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>Roles y permisos</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identidades</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation>Clave raíz creada</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Elija al menos un permiso.</translation>
    </message>
    <message>
        <source>Discard this root key&apos;s details?</source>
        <translation>¿Descartar los datos de esta clave raíz?</translation>
    </message>
    <message>
        <source>“%1” without “%2”: this key can open a key only by its exact id, with no list of APIs and no Go to by name.</source>
        <translation>«%1» sin «%2»: esta clave solo abre una clave por su id exacto, sin lista de APIs ni «Ir a» por nombre.</translation>
    </message>
    <message>
        <source>A root key is named “%1” already: give this one a name of its own, so that the list, the audit log and the revoke question tell them apart.</source>
        <translation>Ya hay una clave raíz llamada «%1»: dele a esta un nombre propio, para que la lista, el registro de auditoría y la pregunta de revocación las distingan.</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Todas las API</translation>
    </message>
    <message>
        <source>For which APIs</source>
        <translation>Para qué API</translation>
    </message>
    <message>
        <source>The APIs and keys permissions apply to this API only; this key cannot create APIs.</source>
        <translation>Los permisos de API y claves solo valen para esta API; esta clave no puede crear API.</translation>
    </message>
    <message>
        <source>APIs this root key may act on</source>
        <translation>API sobre las que puede actuar esta clave raíz</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Read-only</source>
        <comment>a root key preset: every View permission</comment>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Ticks every permission that only reads (View …) and unticks the rest.</source>
        <translation>Marca todos los permisos que solo leen (Ver …) y desmarca los demás.</translation>
    </message>
</context>
<context>
    <name>RootKeyPermissionGroup</name>
    <message>
        <source>All of %1</source>
        <translation>Todo de %1</translation>
    </message>
    <message>
        <source>Only a key for all APIs can create APIs.</source>
        <translation>Solo una clave para todas las API puede crear API.</translation>
    </message>
    <message>
        <source>A root key can only grant what it holds itself.</source>
        <translation>Una clave raíz solo puede conceder lo que ella misma tiene.</translation>
    </message>
</context>
<context>
    <name>RootKeysPage</name>
    <message>
        <source>Root keys</source>
        <translation>Claves raíz</translation>
    </message>
    <message>
        <source>New root key</source>
        <translation>Nueva clave raíz</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Root key %1</source>
        <translation>Clave raíz %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>(this connection)</source>
        <translation>(esta conexión)</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>caduca el %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>creada el %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>No root keys listed</source>
        <translation>No hay claves raíz en la lista</translation>
    </message>
    <message>
        <source>Revoke root key</source>
        <translation>Revocar clave raíz</translation>
    </message>
    <message>
        <source>Root key id %1</source>
        <translation>Id de la clave raíz %1</translation>
    </message>
    <message>
        <source>This is the key this dashboard is connected with: it cannot revoke itself.</source>
        <translation>Es la clave con la que está conectado este panel: no puede revocarse a sí misma.</translation>
    </message>
    <message>
        <source>Root key “%1” revoked</source>
        <translation>Clave raíz «%1» revocada</translation>
    </message>
    <message>
        <source>Revoke “%1” (%2…)? Every program using it loses access at once.</source>
        <translation>¿Revocar «%1» (%2…)? Todo programa que la use pierde el acceso al instante.</translation>
    </message>
    <message>
        <source>Revoke the root key %1…? Every program using it loses access at once.</source>
        <translation>¿Revocar la clave raíz %1…? Todo programa que la use pierde el acceso al instante.</translation>
    </message>
</context>
<context>
    <name>SelectEveryKeyOffer</name>
    <message>
        <source>Selecting every key… %1 selected so far.</source>
        <translation>Seleccionando todas las claves… %1 seleccionadas hasta ahora.</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n loaded key(s)</source>
        <comment>the selection: not the keys of pages not loaded</comment>
        <translation>
            <numerusform>Solo la %n cargada</numerusform>
            <numerusform>Solo las %n cargadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n loaded key(s) are selected; the list has more.</source>
        <translation>
            <numerusform>La %n clave cargada está seleccionada; la lista tiene más.</numerusform>
            <numerusform>Las %n claves cargadas están seleccionadas; la lista tiene más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %n key(s)</source>
        <translation>
            <numerusform>Seleccionar %n clave</numerusform>
            <numerusform>Seleccionar las %n claves</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all keys</source>
        <translation>Seleccionar todas las claves</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop selecting keys</source>
        <translation>Dejar de seleccionar claves</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Dates, numbers and durations follow the language, for example: %1 · %2 · %3</source>
        <translation>Las fechas, los números y las duraciones siguen el idioma, por ejemplo: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Conexión con el servidor</translation>
    </message>
</context>
<context>
    <name>ShowOnceKey</name>
    <message>
        <source>Copy this key now. It is not stored in readable form and cannot be shown again.</source>
        <translation>Copie esta clave ahora. No se guarda de forma legible y no podrá volver a mostrarse.</translation>
    </message>
    <message>
        <source>Copy this key now. It is stored encrypted: a root key with the decrypt permission can show it again on the key page.</source>
        <translation>Copie esta clave ahora. Se guarda cifrada: una clave raíz con el permiso de descifrar puede volver a mostrarla en la página de la clave.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>La clave nueva</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Copiar la clave</translation>
    </message>
    <message>
        <source>Key copied</source>
        <translation>Clave copiada</translation>
    </message>
    <message>
        <source>Verify it (set ROOT_KEY to a root key with verify permission first)</source>
        <translation>Verifíquela (antes, ponga en ROOT_KEY una clave raíz con permiso de verificación)</translation>
    </message>
    <message>
        <source>Command to verify the key</source>
        <translation>Comando para verificar la clave</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Copiar el comando</translation>
    </message>
    <message>
        <source>Command copied</source>
        <translation>Comando copiado</translation>
    </message>
    <message>
        <source>Verify it (the first line reads the local server&apos;s root key from %1)</source>
        <translation>Verifíquela (la primera línea lee la clave raíz del servidor local de %1)</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Id de la clave:</translation>
    </message>
    <message>
        <source>Close without copying the key?</source>
        <translation>¿Cerrar sin copiar la clave?</translation>
    </message>
    <message>
        <source>The key has not been copied, and it cannot be shown again: once this dialog is closed, it is gone for good.</source>
        <translation>La clave no se ha copiado y no puede volver a mostrarse: al cerrar este diálogo, se pierde para siempre.</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>close the dialog and lose the key shown once</comment>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Back to the key</source>
        <translation>Volver a la clave</translation>
    </message>
    <message>
        <source>The key has not been copied, and it cannot be shown again: once the window is closed, it is gone for good.</source>
        <translation>La clave no se ha copiado y no puede volver a mostrarse: al cerrar la ventana, se pierde para siempre.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
    <message>
        <source>Issue key</source>
        <translation>Emitir clave</translation>
    </message>
    <message>
        <source>Issue a new key (Ctrl+N)</source>
        <translation>Emitir una clave nueva (Ctrl+N)</translation>
    </message>
    <message>
        <source>Root key: %1</source>
        <translation>Clave raíz: %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Disconnect from the server</source>
        <translation>Desconectar del servidor</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No root key is stored for this server. Enter it to connect.</source>
        <translation>No hay ninguna clave raíz guardada para este servidor. Introdúzcala para conectar.</translation>
    </message>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
    <message>
        <source>Issue and manage API keys, rate limits, credits and permissions.</source>
        <translation>Emita y gestione claves de API, límites de frecuencia, créditos y permisos.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Conectar a un servidor</translation>
    </message>
    <message>
        <source>Server address, e.g. https://keys.example.com</source>
        <translation>Dirección del servidor, p. ej. https://keys.example.com</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Root key</source>
        <translation>Clave raíz</translation>
    </message>
    <message>
        <source>Remember this server and keep the root key in the system keychain</source>
        <translation>Recordar este servidor y guardar la clave raíz en el llavero del sistema</translation>
    </message>
    <message>
        <source>Remember this server</source>
        <translation>Recordar este servidor</translation>
    </message>
    <message>
        <source>Remember this server (the root key cannot be stored: no keychain)</source>
        <translation>Recordar este servidor (la clave raíz no puede guardarse: no hay llavero)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connect to the server</source>
        <translation>Conectar al servidor</translation>
    </message>
    <message>
        <source>Send the root key unencrypted?</source>
        <translation>¿Enviar la clave raíz sin cifrar?</translation>
    </message>
    <message>
        <source>%1 uses plain http:// to another machine. Anyone on the network path can read the root key and act with its permissions. Use https:// unless this network is fully trusted.</source>
        <translation>%1 usa http:// sin cifrar hacia otra máquina. Cualquiera en la ruta de red puede leer la clave raíz y actuar con sus permisos. Use https:// salvo que confíe plenamente en esta red.</translation>
    </message>
    <message>
        <source>Connect anyway</source>
        <translation>Conectar de todos modos</translation>
    </message>
    <message>
        <source>The server is not answering… It accepted the connection but has not replied yet.</source>
        <translation>El servidor no responde… Aceptó la conexión, pero aún no ha contestado.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel connecting</source>
        <translation>Cancelar la conexión</translation>
    </message>
</context>
<context>
    <name>TagListEditor</name>
    <message>
        <source>No suggestions: %1</source>
        <translation>Sin sugerencias: %1</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <comment>a chosen permission or role not created yet</comment>
        <translation>%1 (nuevo)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Create and add</source>
        <translation>Crear y añadir</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>the highlighted suggestion that Enter adds</comment>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Create “%1” for the whole workspace</source>
        <translation>Crear «%1» para todo el espacio de trabajo</translation>
    </message>
    <message>
        <source>“%1” does not exist yet. Enter adds only existing ones; to create it for the whole workspace, choose the entry below.</source>
        <translation>«%1» todavía no existe. Intro solo añade los existentes; para crearlo para todo el espacio de trabajo, elija la entrada de abajo.</translation>
    </message>
</context>
<context>
    <name>ThemePicker</name>
    <message>
        <source>Like the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Theme: like the system</source>
        <translation>Tema: como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Theme: light</source>
        <translation>Tema: claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme: dark</source>
        <translation>Tema: oscuro</translation>
    </message>
</context>
<context>
    <name>TimeRanges</name>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo el periodo</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
</context>
<context>
    <name>UsageCharts</name>
    <message>
        <source>Fewer charts</source>
        <translation>Menos gráficos</translation>
    </message>
    <message>
        <source>All charts</source>
        <translation>Todos los gráficos</translation>
    </message>
</context>
<context>
    <name>UsageExportBar</name>
    <message>
        <source>Replace file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this export?</source>
        <translation>%1 ya existe. ¿Reemplazarlo con esta exportación?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message numerus="yes">
        <source>%n verification(s) written to %1.</source>
        <translation>
            <numerusform>%n verificación escrita en %1.</numerusform>
            <numerusform>%n verificaciones escritas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>Export usage of %1</source>
        <translation>Exportar el uso de %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write there: %1</source>
        <translation>No se puede escribir ahí: %1</translation>
    </message>
    <message>
        <source>Export usage as CSV…</source>
        <translation>Exportar el uso como CSV…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the folder of the exported file</source>
        <translation>Abrir la carpeta del archivo exportado</translation>
    </message>
    <message>
        <source>Period to export</source>
        <translation>Período que exportar</translation>
    </message>
    <message>
        <source>Verifications written: %1 of about %2</source>
        <translation>Verificaciones escritas: %1 de unas %2</translation>
    </message>
    <message>
        <source>Verifications written: %1</source>
        <translation>Verificaciones escritas: %1</translation>
    </message>
</context>
</TS>
