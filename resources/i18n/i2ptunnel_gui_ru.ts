<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/accessibility.py" line="+90"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen address</source>
        <translation>Адрес прослушивания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen port</source>
        <translation>Порт прослушивания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target host</source>
        <translation>Целевой хост</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the tunnel&apos;s connections go</source>
        <translation>Куда идут подключения туннеля</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target port</source>
        <translation>Целевой порт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Destination</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The I2P address or addresses this client tunnel connects to</source>
        <translation>Адрес или адреса I2P, к которым подключается этот клиентский туннель</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inbound hops</source>
        <translation>Входящие переходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hops</source>
        <translation>Исходящие переходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound tunnels</source>
        <translation>Входящие туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound tunnels</source>
        <translation>Исходящие туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound hop variance</source>
        <translation>Разброс входящих переходов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbound hop variance</source>
        <translation>Разброс исходящих переходов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbound backup tunnels</source>
        <translation>Входящие резервные туннели</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbound backup tunnels</source>
        <translation>Исходящие резервные туннели</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“default” leaves it to the router</source>
        <translation>«по умолчанию» оставляет выбор роутеру</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2CP options</source>
        <translation>Параметры I2CP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One key=value per line</source>
        <translation>По одному ключ=значение в строке</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced I2P settings</source>
        <translation>Дополнительные настройки I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the tunnel shape, signature type, SAM address and I2CP options</source>
        <translation>Показывает форму туннеля, тип подписи, адрес SAM и параметры I2CP</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tunnels</source>
        <translation>Туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per tunnel: state, addresses, connections and traffic</source>
        <translation>По строке на туннель: состояние, адреса, подключения и трафик</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected tunnel&apos;s open and recently closed connections</source>
        <translation>Открытые и недавно закрытые подключения выбранного туннеля</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I2P address</source>
        <translation>Адрес I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel&apos;s .b32.i2p address, known once it has started</source>
        <translation>Адрес .b32.i2p туннеля, известен после его запуска</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QR code of the I2P address</source>
        <translation>QR-код адреса I2P</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel log</source>
        <translation>Журнал туннеля</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State changes and errors of this tunnel</source>
        <translation>Смены состояния и ошибки этого туннеля</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/app.py" line="+205"/>
        <source>Some saved tunnels could not be loaded: {problems}</source>
        <translation>Некоторые сохранённые туннели не удалось загрузить: {problems}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved tunnels</source>
        <translation>Сохранённые туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some saved tunnels could not be loaded and are not shown. They stay in the settings file.</source>
        <translation>Некоторые сохранённые туннели не удалось загрузить, и они не показаны. Они остаются в файле настроек.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Still running in the tray. Use Quit in the tray menu to exit.</source>
        <translation>Программа продолжает работать в области уведомлений. Чтобы выйти, выберите «Выход» в её меню.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import is not available in this build</source>
        <translation>Импорт недоступен в этой сборке</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export is not available in this build</source>
        <translation>Экспорт недоступен в этой сборке</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>BandwidthGraph</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/bandwidth_graph.py" line="+98"/>
        <source>Router bandwidth</source>
        <translation>Трафик роутера</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In {0}, out {1}</source>
        <translation>Вход {0}, выход {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No traffic measured yet.</source>
        <translation>Трафик ещё не измерен.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last 5 minutes. In: now {0}, peak {1}. Out: now {2}, peak {3}.</source>
        <translation>Последние 5 минут. Входящий: сейчас {0}, пик {1}. Исходящий: сейчас {2}, пик {3}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>max {0}</source>
        <translation>макс. {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— out</source>
        <translation>— выход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— in</source>
        <translation>— вход</translation>
    </message>
</context>
<context>
    <name>CardIntake</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/card_intake.py" line="+66"/>
        <source>Open share card…</source>
        <translation>Открыть карточку доступа…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the client tunnel a share card describes</source>
        <translation>Создать клиентский туннель, описанный карточкой доступа</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The clipboard holds no share card link</source>
        <translation>В буфере обмена нет ссылки на карточку доступа</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open a share card</source>
        <translation>Открыть карточку доступа</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share cards (*{suffix})</source>
        <translation>Карточки доступа (*{suffix})</translation>
    </message>
</context>
<context>
    <name>ClientKindFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_client_kinds.py" line="+25"/>
        <source>Set {0} as your browser&apos;s HTTP and HTTPS proxy (or curl -x http://{0}), then open http://….i2p addresses. Other sites are refused unless an outproxy is set.</source>
        <translation>Укажите {0} как HTTP- и HTTPS-прокси браузера (или curl -x http://{0}) и открывайте адреса http://….i2p. Другие сайты отклоняются, если не задан outproxy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Point the program at SOCKS5 (or 4a) proxy {0} with remote DNS, e.g. curl --socks5-hostname {0}; in Firefox tick “Proxy DNS when using SOCKS v5”. Only .i2p names are reachable.</source>
        <translation>Направьте программу на SOCKS5-прокси (или 4a) {0} с удалённым DNS, например curl --socks5-hostname {0}; в Firefox отметьте «Отправлять DNS-запросы через прокси при использовании SOCKS v5». Доступны только имена .i2p.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect your IRC program to {0} (no TLS). Lines that would identify you (CTCP, DCC, your host and real name) are filtered out.</source>
        <translation>Подключите IRC-клиент к {0} (без TLS). Строки, которые могли бы вас выдать (CTCP, DCC, ваш хост и настоящее имя), отфильтровываются.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+62"/>
        <source>none: only .i2p sites (e.g. exit.example.i2p)</source>
        <translation>нет: только сайты .i2p (например, exit.example.i2p)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Send the browser&apos;s own User-Agent (it identifies your browser)</source>
        <translation>Отправлять собственный User-Agent браузера (он выдаёт ваш браузер)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: no authentication</source>
        <translation>нет: без аутентификации</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the I2P session on the first connection (Standby until then)</source>
        <translation>Открывать I2P-сессию при первом подключении (до тех пор — ожидание)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer tunnels while idle (the router&apos;s reduce-on-idle)</source>
        <translation>Меньше туннелей в простое (reduce-on-idle роутера)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outproxy</source>
        <translation>Outproxy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SOCKS login</source>
        <translation>Вход SOCKS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On demand</source>
        <translation>По запросу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close when idle</source>
        <translation>Закрывать при простое</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>none: only .i2p names (or a SOCKS server on I2P for other names)</source>
        <translation>нет: только имена .i2p (или SOCKS-сервер в I2P для других имён)</translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/connection_model.py" line="+61"/>
        <source>connecting</source>
        <translation>подключается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>открыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-closed</source>
        <translation>полузакрыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peer</source>
        <translation>Узел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Получено байт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Отправлено байт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+279"/>
        <source>in</source>
        <translation>вход</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out</source>
        <translation>выход</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/core_catalogue.py" line="+14"/>
        <source>host is empty</source>
        <translation>хост не указан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host must not contain spaces</source>
        <translation>в имени хоста не должно быть пробелов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} is not a valid host name or IP address</source>
        <translation>{host} — не корректное имя хоста и не IP-адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port must be a whole number from {low} to 65535</source>
        <translation>порт должен быть целым числом от {low} до 65535</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address is empty; expected HOST:PORT</source>
        <translation>адрес пуст; ожидается ХОСТ:ПОРТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: expected [IPv6]:PORT</source>
        <translation>{text}: ожидается [IPv6]:ПОРТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: write IPv6 addresses as [ADDR]:PORT</source>
        <translation>{text}: пишите IPv6-адреса как [АДРЕС]:ПОРТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: expected HOST:PORT</source>
        <translation>{text}: ожидается ХОСТ:ПОРТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: host is missing</source>
        <translation>{text}: не указан хост</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: port {port} is not a number (digits 0-9 only)</source>
        <translation>{text}: порт {port} — не число (только цифры 0-9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: {why}</source>
        <translation>{text}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination is empty</source>
        <translation>назначение не указано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination must not contain spaces</source>
        <translation>в назначении не должно быть пробелов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a .b32.i2p address has 52 (or 56+) letters a-z and digits 2-7 before .b32.i2p</source>
        <translation>в адресе .b32.i2p перед .b32.i2p стоят 52 (или 56+) буквы a-z и цифры 2-7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dest} is not a valid .i2p host name</source>
        <translation>{dest} — не корректное имя хоста .i2p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base64 destination is too short ({n} characters, at least 516 expected)</source>
        <translation>назначение base64 слишком короткое ({n} символов, нужно не меньше 516)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a .b32.i2p address, an .i2p name or a base64 destination</source>
        <translation>ожидается адрес .b32.i2p, имя .i2p или назначение base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give at least one IRC server destination</source>
        <translation>укажите хотя бы одно назначение IRC-сервера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outproxy: {why}</source>
        <translation>outproxy: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most 255 bytes of printable text</source>
        <translation>не больше 255 байт печатного текста</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give a user name and a password, or neither</source>
        <translation>укажите и имя пользователя, и пароль, или ни того ни другого</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close-when-idle must be more than 0 minutes</source>
        <translation>закрытие при простое должно быть больше 0 минут</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>destination is not a valid base64 destination: {why}</source>
        <translation>назначение — не корректный адрес base64: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no I2P session within {seconds:g} s: the router is slow or unavailable</source>
        <translation>нет I2P-сессии за {seconds:g} с: роутер медленный или недоступен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} connections in a row to {destination} failed or got no answer (last: {why})</source>
        <translation>подряд неудачных или оставшихся без ответа подключений к {destination}: {n} (последнее: {why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a connection got an answer from I2P</source>
        <translation>подключение получило ответ из I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer within {seconds:g} s</source>
        <translation>нет ответа за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection from {peer}: no answer from I2P within {seconds:g} s</source>
        <translation>подключение от {peer}: нет ответа из I2P за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the stream closed before the echo came back</source>
        <translation>поток закрылся раньше, чем вернулось эхо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no echo within {seconds:g} s</source>
        <translation>нет эха за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stream failed: {why}</source>
        <translation>сбой потока: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>something else answered at this address (wrong echo)</source>
        <translation>по этому адресу ответил кто-то другой (неверное эхо)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking whether it is reachable now</source>
        <translation>проверяется, доступен ли он теперь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: the router did not resolve its names in time</source>
        <translation>список доступа: роутер не разрешил имена вовремя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {name} not resolved ({why}); it lets nobody in</source>
        <translation>список доступа: {name} не разрешено ({why}); эта запись никого не пускает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {n} destinations allowed</source>
        <translation>список доступа: разрешённых назначений: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {n} destinations denied</source>
        <translation>список доступа: запрещённых назначений: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: the tunnel has no I2P session now</source>
        <translation>доступность не проверена: у туннеля сейчас нет I2P-сессии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: router unavailable for a probe session: {why}</source>
        <translation>доступность не проверена: роутер недоступен для проверочной сессии: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: router refused a probe session: {why}</source>
        <translation>доступность не проверена: роутер отказал в проверочной сессии: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reachable from I2P: {why}</source>
        <translation>недоступен из I2P: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachable from I2P (round trip {ms:.0f} ms)</source>
        <translation>доступен из I2P (время оборота {ms:.0f} мс)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no I2P session: the router is unavailable (reconnecting)</source>
        <translation>нет I2P-сессии: роутер недоступен (идёт переподключение)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for a connection to get through</source>
        <translation>ожидание, пока подключение пройдёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}; re-creating the I2P session in {delay:g} s</source>
        <translation>{reason}; I2P-сессия будет создана заново через {delay:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}; re-creating the I2P session</source>
        <translation>{reason}; I2P-сессия создаётся заново</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why}; {running}</source>
        <translation>{why}; {running}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router unavailable (attempt {attempt}), retrying in {delay:g} s: {why}</source>
        <translation>роутер недоступен (попытка {attempt}), повтор через {delay:g} с: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P session re-created ({why}); {next}</source>
        <translation>I2P-сессия создана заново ({why}); {next}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session closed</source>
        <translation>сессия закрыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router connection lost: {why}</source>
        <translation>соединение с роутером потеряно: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the router answers again at {address}: reconnecting now</source>
        <translation>роутер снова отвечает на {address}: переподключение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no I2P session</source>
        <translation>нет I2P-сессии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address {b32} via {address} (SAM {version})</source>
        <translation>I2P-адрес {b32} через {address} (SAM {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address {b32} (SAM {version})</source>
        <translation>I2P-адрес {b32} (SAM {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting to the router&apos;s SAM bridge at {address}</source>
        <translation>подключение к SAM-мосту роутера на {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for the router to build tunnels</source>
        <translation>ожидание, пока роутер построит туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new I2P key {b32} saved to {path}</source>
        <translation>новый I2P-ключ {b32} сохранён в {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>using I2P key {b32} from {path}</source>
        <translation>используется I2P-ключ {b32} из {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creating I2P session at {address}</source>
        <translation>создание I2P-сессии на {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creating I2P session… {seconds:.0f} s ({phase})</source>
        <translation>создание I2P-сессии… {seconds:.0f} с ({phase})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why} — {progress}</source>
        <translation>{why} — {progress}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on {address}; the I2P session opens on the first connection</source>
        <translation>слушает на {address}; I2P-сессия откроется при первом подключении</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a connection came: opening the I2P session</source>
        <translation>пришло подключение: открывается I2P-сессия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the I2P session could not be opened: {why}</source>
        <translation>не удалось открыть I2P-сессию: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection for {minutes:g} min: I2P session closed</source>
        <translation>нет подключений {minutes:g} мин: I2P-сессия закрыта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no keys folder yet ({path}): nothing to back up</source>
        <translation>папки ключей ещё нет ({path}): нечего сохранять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {path}: {why}</source>
        <translation>не удаётся прочитать {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} holds no key files: nothing to back up</source>
        <translation>в {path} нет файлов ключей: нечего сохранять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the backup outside the keys folder</source>
        <translation>храните резервную копию вне папки ключей</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot open key file {path}: {why}</source>
        <translation>не удаётся открыть файл ключа {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is not a regular file</source>
        <translation>файл ключа {path} — не обычный файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is readable by other users (mode {mode}); run: chmod 600 &apos;{path}&apos;</source>
        <translation>файл ключа {path} доступен для чтения другим пользователям (режим {mode}); выполните: chmod 600 &apos;{path}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} belongs to another user (uid {uid})</source>
        <translation>файл ключа {path} принадлежит другому пользователю (uid {uid})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is {size} bytes: not a private key</source>
        <translation>файл ключа {path} размером {size} байт: не закрытый ключ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is not an I2P private key: {why}</source>
        <translation>файл ключа {path} — не закрытый ключ I2P: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to save an invalid private key to {path}: {why}</source>
        <translation>неверный закрытый ключ не будет сохранён в {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create key directory {path}: {why}</source>
        <translation>не удаётся создать папку ключей {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write key file {path}: {why}</source>
        <translation>не удаётся записать файл ключа {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot delete key file {path}: {why}</source>
        <translation>не удаётся удалить файл ключа {path}: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot listen on {where}: unknown host ({why})</source>
        <translation>не удаётся слушать на {where}: неизвестный хост ({why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address already in use (another program listens on this port)</source>
        <translation>адрес уже занят (этот порт слушает другая программа)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation>доступ запрещён (для портов ниже 1024 нужны права)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot listen on {where}: {why}</source>
        <translation>не удаётся слушать на {where}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening on {address}</source>
        <translation>слушает на {address}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the allow list is empty: it would refuse every client; add at least one destination or switch the access list off</source>
        <translation>список разрешённых пуст: он отклонял бы всех клиентов; добавьте хотя бы одно назначение или выключите список доступа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is an encrypted-LeaseSet (b33) address; callers are known by their plain destination, list that one instead</source>
        <translation>{entry} — адрес с зашифрованным LeaseSet (b33); клиентов узнают по обычному назначению, укажите его</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a b32 address (52 letters a-z and digits 2-7)</source>
        <translation>{entry} — не адрес b32 (52 буквы a-z и цифры 2-7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a valid .i2p host name</source>
        <translation>{entry} — не корректное имя хоста .i2p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a destination (b32 address, base64 destination, destination hash or .i2p name): {why}</source>
        <translation>{entry} — не назначение (адрес b32, назначение base64, хеш назначения или имя .i2p): {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {line}: {why}</source>
        <translation>строка {line}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {problems}</source>
        <translation>список доступа: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deny list: cannot resolve {names}; refusing to start without it</source>
        <translation>список запрещённых: не удаётся разрешить {names}; без него туннель не запускается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connections per client per minute</source>
        <translation>подключений от клиента в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections per client per hour</source>
        <translation>подключений от клиента в час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections per client per day</source>
        <translation>подключений от клиента в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per minute</source>
        <translation>подключений всего в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per hour</source>
        <translation>подключений всего в час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per day</source>
        <translation>подключений всего в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{limit} must be 0 (no limit) or more</source>
        <translation>{limit}: должно быть 0 (без ограничения) или больше</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST limits must be 0 (no limit) or more</source>
        <translation>ограничения POST должны быть 0 (без ограничения) или больше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the POST counting period must be at least 1 second</source>
        <translation>период подсчёта POST должен быть не меньше 1 секунды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST ban times must be 0 seconds or more</source>
        <translation>время блокировки POST должно быть 0 секунд или больше</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host override: {why}</source>
        <translation>замена Host: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only server tunnels have an access list</source>
        <translation>список доступа есть только у серверных туннелей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only server tunnels have connection-rate limits</source>
        <translation>ограничения частоты подключений есть только у серверных туннелей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only HTTP server tunnels have POST limits</source>
        <translation>ограничения POST есть только у туннелей HTTP-сервера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only HTTP server tunnels rewrite the Host header</source>
        <translation>заголовок Host переписывают только туннели HTTP-сервера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only I2P server and client tunnels have an I2P port</source>
        <translation>порт I2P есть только у серверных и клиентских туннелей I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P {why} (0 = any)</source>
        <translation>I2P: {why} (0 = любой)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM port</source>
        <translation>порт SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl port</source>
        <translation>порт I2PControl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web console port</source>
        <translation>порт веб-консоли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} {port} is not between 1 and 65535</source>
        <translation>{what} {port} вне диапазона от 1 до 65535</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bandwidth {kbps} KB/s is negative</source>
        <translation>полоса {kbps} КБ/с отрицательна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share {percent} % is not between 0 and 100</source>
        <translation>доля {percent} % вне диапазона от 0 до 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: expected &apos;key = value&apos; or &apos;[section]&apos;: {line}</source>
        <translation>{where}: ожидается &apos;key = value&apos; или &apos;[section]&apos;: {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: &apos;{key}&apos; is set by the app for the managed router and cannot be changed here</source>
        <translation>{where}: &apos;{key}&apos; задаёт приложение для личного роутера, здесь его не изменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: &apos;{key}&apos; is set twice</source>
        <translation>{where}: &apos;{key}&apos; задан дважды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the managed router needs its SAM bridge: remove &apos;sam.enabled = {value}&apos; from the router conf lines</source>
        <translation>личному роутеру нужен его SAM-мост: уберите &apos;sam.enabled = {value}&apos; из строк конфигурации роутера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{section}.port = {value}&apos; is not a port (1-65535)</source>
        <translation>&apos;{section}.port = {value}&apos; — не порт (1-65535)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{section}.address = {host}&apos; would let other machines control the router: the managed router&apos;s control services stay on a loopback address</source>
        <translation>&apos;{section}.address = {host}&apos; позволил бы другим машинам управлять роутером: службы управления личного роутера остаются на адресе loopback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>router data dir {path} belongs to another user</source>
        <translation>папка данных роутера {path} принадлежит другому пользователю</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot prepare router data dir {path}: {why}</source>
        <translation>не удаётся подготовить папку данных роутера {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open {path}: {why}</source>
        <translation>не удаётся открыть {path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another i2ptunnel-gui (pid {pid}) already runs the managed router in {path}</source>
        <translation>другой i2ptunnel-gui (pid {pid}) уже запустил личный роутер в {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no free loopback port for the managed router</source>
        <translation>нет свободного порта loopback для личного роутера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM address</source>
        <translation>адрес SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl address</source>
        <translation>адрес I2PControl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a SAM password needs a SAM user</source>
        <translation>для пароля SAM нужен пользователь SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SAM user cannot contain spaces, quotes or &apos;=&apos;</source>
        <translation>в имени пользователя SAM не должно быть пробелов, кавычек и &apos;=&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SAM password cannot contain spaces, quotes or &apos;=&apos;</source>
        <translation>в пароле SAM не должно быть пробелов, кавычек и &apos;=&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {why}</source>
        <translation>{what}: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install it (Debian/Ubuntu: sudo apt install i2pd, or ./scripts/setup.sh run), set its path in Preferences, or use the External router mode with a router you run</source>
        <translation>установите его (Debian/Ubuntu: sudo apt install i2pd или ./scripts/setup.sh run), укажите путь в настройках или выберите «Использовать мой роутер» с вашим работающим роутером</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd not found at {path} (not an executable file): {hint}</source>
        <translation>i2pd не найден по пути {path} (не исполняемый файл): {hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd not found on PATH: {hint}</source>
        <translation>i2pd не найден в PATH: {hint}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>router supervision failed: {error}</source>
        <translation>сбой наблюдения за роутером: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why}; restarting in {seconds:g} s</source>
        <translation>{why}; перезапуск через {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd was killed by {signal}</source>
        <translation>i2pd завершён сигналом {signal}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd exited with status {code}: {log}</source>
        <translation>i2pd завершился с кодом {code}: {log}</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>cannot write {path}: {why}</source>
        <translation>не удаётся записать {path}: {why}</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>waiting for SAM at {address}</source>
        <translation>ожидание SAM на {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd exited with status {code} before its SAM bridge answered: {log}</source>
        <translation>i2pd завершился с кодом {code} раньше, чем ответил его SAM-мост: {log}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd&apos;s SAM bridge at {address} did not answer within {seconds:g} s ({why}): {log}</source>
        <translation>SAM-мост i2pd на {address} не ответил за {seconds:g} с ({why}): {log}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>internal error: {error}</source>
        <translation>внутренняя ошибка: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection from {peer} failed: {why}</source>
        <translation>подключение от {peer} не удалось: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target did not answer within {seconds:g} s</source>
        <translation>цель не ответила за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session {nickname}</source>
        <translation>сессия {nickname}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM bridge {where} closed the connection ({context})</source>
        <translation>SAM-мост {where} закрыл соединение ({context})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no answer to {context} within {seconds:g} s</source>
        <translation>SAM-мост {where}: нет ответа на {context} за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: {context} failed: {why}</source>
        <translation>SAM-мост {where}: {context} не удалось: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no connection within {seconds:g} s</source>
        <translation>SAM-мост {where}: нет соединения за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where} unreachable: {why}</source>
        <translation>SAM-мост {where} недоступен: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address</source>
        <translation>нет адреса</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM bridge {where}: no answer to {context} on {label}</source>
        <translation>SAM-мост {where}: нет ответа на {context} в {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is closed</source>
        <translation>{label}: закрыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} closed</source>
        <translation>{label}: закрыто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send buffer full</source>
        <translation>буфер отправки заполнен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: {label}: {why}</source>
        <translation>SAM-мост {where}: {label}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where} closed {label}</source>
        <translation>SAM-мост {where} закрыл {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no PONG on {label}</source>
        <translation>SAM-мост {where}: нет PONG в {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no common SAM version</source>
        <translation>нет общей версии SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router error</source>
        <translation>ошибка роутера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer unreachable</source>
        <translation>узел недоступен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination already in use</source>
        <translation>назначение уже используется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session nickname already in use</source>
        <translation>имя сессии уже используется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid key or destination</source>
        <translation>неверный ключ или назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such session</source>
        <translation>нет такой сессии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name not found</source>
        <translation>имя не найдено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer not found</source>
        <translation>узел не найден</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router timed out</source>
        <translation>истекло время ожидания роутера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination not published</source>
        <translation>назначение не опубликовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected RESULT={result}</source>
        <translation>неожиданный RESULT={result}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{context}: {what}</source>
        <translation>{context}: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} ({message})</source>
        <translation>{text} ({message})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is empty</source>
        <translation>{what}: пусто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is {n} characters long, the limit is {limit}</source>
        <translation>{what}: длина {n} символов, допустимо {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must not contain spaces, quotes, backslashes or control characters</source>
        <translation>{what}: не должно быть пробелов, кавычек, обратных косых черт и управляющих символов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option name {name} must be 1-{limit} letters, digits and _ . : -</source>
        <translation>имя параметра {name} должно состоять из 1-{limit} букв, цифр и _ . : -</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {key} is a SAM parameter the client sets itself</source>
        <translation>параметр {key} — параметр SAM, который клиент задаёт сам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {key} value</source>
        <translation>значение параметра {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad SAM address: {why}</source>
        <translation>неверный адрес SAM: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer from {address} in {seconds:g} s</source>
        <translation>нет ответа от {address} за {seconds:g} с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address}: {why}</source>
        <translation>{address}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address} closed the connection</source>
        <translation>{address} закрыл соединение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address} does not speak SAM ({why})</source>
        <translation>{address} не говорит на SAM ({why})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field}: {why}</source>
        <translation>{field}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a server tunnel: only servers are shared</source>
        <translation>{name} — не серверный туннель: делиться можно только серверами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card is empty</source>
        <translation>карточка пуста</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card is {n} characters long, at most {limit} expected</source>
        <translation>длина карточки {n} символов, ожидается не больше {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a share card: it must start with {scheme}:</source>
        <translation>не карточка доступа: она должна начинаться с {scheme}:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected &apos;#&apos; in the card (was something appended?)</source>
        <translation>неожиданный &apos;#&apos; в карточке (к ней что-то дописали?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown card type {found}, expected {expected}</source>
        <translation>неизвестный тип карточки {found}, ожидается {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card version {version} is not understood by this app (it reads version {reads}); update the app</source>
        <translation>версию карточки {version} это приложение не понимает (оно читает версию {reads}); обновите приложение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field in a version 1 card</source>
        <translation>неизвестное поле в карточке версии 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{link}: only local files can be opened</source>
        <translation>{link}: открыть можно только локальные файлы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {why}</source>
        <translation>{path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: larger than {limit} bytes: not a card file</source>
        <translation>{path}: больше {limit} байт: не файл карточки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not a text file (not UTF-8)</source>
        <translation>{path}: не текстовый файл (не UTF-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why} (in {path})</source>
        <translation>{why} (в {path})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a field is not valid UTF-8 after percent-decoding</source>
        <translation>поле после процентного декодирования — не корректный UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed card fields: {why}</source>
        <translation>испорченные поля карточки: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given twice</source>
        <translation>указано дважды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing (the card version)</source>
        <translation>отсутствует (версия карточки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} is not a version number</source>
        <translation>{text} — не номер версии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{char} is not a base32 character (a-z and 2-7 only)</source>
        <translation>{char} — не символ base32 (только a-z и 2-7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters: a b33 address (encrypted lease set) cannot be shared on a card; share a plain b32 address</source>
        <translation>{n} символов: адрес b33 (зашифрованный LeaseSet) нельзя передать в карточке; передайте обычный адрес b32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters, a b32 address has {length}</source>
        <translation>{n} символов, в адресе b32 их {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address is mistyped (its last character cannot end one)</source>
        <translation>в адресе опечатка (таким символом он не может заканчиваться)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown service kind {kind} (known: {known})</source>
        <translation>неизвестный вид сервиса {kind} (известны: {known})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} is not a port number (digits 0-9 only)</source>
        <translation>{text} — не номер порта (только цифры 0-9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{port} is out of range: a port is 1 to 65535</source>
        <translation>{port} вне диапазона: порт — от 1 до 65535</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters long, at most {limit}</source>
        <translation>длина {n} символов, не больше {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains the control character U+{code:04X}</source>
        <translation>содержит управляющий символ U+{code:04X}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts or ends with spaces</source>
        <translation>начинается или заканчивается пробелами</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name is empty</source>
        <translation>имя не указано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name must be one line</source>
        <translation>имя должно быть в одну строку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name is longer than 100 characters</source>
        <translation>имя длиннее 100 символов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} is not a loopback address: anyone who can reach it can use this tunnel; allow non-loopback listening explicitly</source>
        <translation>{host} — не адрес loopback: любой, кто до него доберётся, сможет пользоваться туннелем; разрешите прослушивание вне loopback явно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum connections must be -1 (unlimited) or at least 1</source>
        <translation>максимум подключений должен быть -1 (без ограничения) или не меньше 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifetime must be more than 0 seconds (or unlimited)</source>
        <translation>время жизни должно быть больше 0 секунд (или без ограничения)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle timeout must be more than 0 seconds (or never)</source>
        <translation>тайм-аут простоя должен быть больше 0 секунд (или никогда)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-close timeout must be more than 0 seconds (or never)</source>
        <translation>тайм-аут полузакрытия должен быть больше 0 секунд (или никогда)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect timeout must be more than 0 seconds</source>
        <translation>тайм-аут подключения должен быть больше 0 секунд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM address {why}</source>
        <translation>адрес SAM {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signature type {code}</source>
        <translation>неизвестный тип подписи {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} must be a whole number from -7 to 16 (got {value})</source>
        <translation>{key} должно быть целым числом от -7 до 16 (сейчас {value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/details.py" line="+48"/>
        <source>Private: whoever holds this file can run a tunnel at this address. Do not share it; back it up to keep the address.</source>
        <translation>Секретно: тот, у кого есть этот файл, может держать туннель с этим адресом. Никому не передавайте; сохраните резервную копию, чтобы не потерять адрес.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>known once the tunnel has started</source>
        <translation>станет известен после запуска туннеля</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+195"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Copy the address to the clipboard</source>
        <translation>Скопировать адрес в буфер обмена</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a tunnel to see its details.</source>
        <translation>Выберите туннель, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listens on</source>
        <translation>Слушает</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+87"/>
        <source>I2P address</source>
        <translation>Адрес I2P</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Key file</source>
        <translation>Файл ключа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reachability</source>
        <translation>Доступность</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check now</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dial this tunnel&apos;s I2P address from a separate short-lived session (takes as long as the router needs for a new session)</source>
        <translation>Подключиться к I2P-адресу этого туннеля из отдельной кратковременной сессии (занимает столько, сколько роутеру нужно на новую сессию)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Destination</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC servers</source>
        <translation>IRC-серверы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to use</source>
        <translation>Как пользоваться</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Client address</source>
        <translation>Адрес клиента</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none: a new address is created on every start</source>
        <translation>нет: при каждом запуске создаётся новый адрес</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}.dat in the app&apos;s key folder</source>
        <translation>{0}.dat в папке ключей программы</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{message} (next try in {wait} s)</source>
        <translation>{message} (следующая попытка через {wait} с)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>checking… (a new I2P session first: ~20 s on i2pd)</source>
        <translation>проверка… (сначала новая I2P-сессия: ~20 с на i2pd)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked yet</source>
        <translation>ещё не проверено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked while the tunnel runs</source>
        <translation>проверяется, пока туннель работает</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{result} — checked {time}</source>
        <translation>{result} — проверено в {time}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>QR code of {0}</source>
        <translation>QR-код для {0}</translation>
    </message>
</context>
<context>
    <name>EditorFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_fields.py" line="+206"/>
        <source>{key} must be a whole number from {lo} to {hi} (got {value})</source>
        <translation>{key} должен быть целым числом от {lo} до {hi} (получено {value})</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>line {number}: {key} goes in the tunnel fields above (it moves there when you leave this box)</source>
        <translation>строка {number}: {key} задаётся в полях туннеля выше (он переместится туда, когда вы покинете это поле)</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+26"/>
        <source>TCP forward (local port → host:port, no router)</source>
        <translation>TCP-переадресация (локальный порт → хост:порт, без роутера)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P server (publish a local service on I2P)</source>
        <translation>I2P-сервер (опубликовать локальный сервис в I2P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P client (local port → I2P destination)</source>
        <translation>I2P-клиент (локальный порт → назначение I2P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P web site (HTTP server: the site learns each caller&apos;s b32)</source>
        <translation>I2P-сайт (HTTP-сервер: сайт узнаёт b32 каждого посетителя)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP proxy (a browser&apos;s proxy onto I2P, port 4444)</source>
        <translation>HTTP-прокси (прокси браузера в I2P, порт 4444)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOCKS proxy (SOCKS5/4a onto .i2p names, port 4447)</source>
        <translation>SOCKS-прокси (SOCKS5/4a к именам .i2p, порт 4447)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IRC client (filtered IRC to I2P servers, port 6668)</source>
        <translation>IRC-клиент (фильтрованный IRC к серверам I2P, порт 6668)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Database on the other PC</source>
        <translation>например, База данных на другом ПК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. My SSH server</source>
        <translation>например, Мой SSH-сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. My web site</source>
        <translation>например, Мой сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Friend&apos;s web site</source>
        <translation>например, Сайт друга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Browse I2P sites</source>
        <translation>например, Просмотр сайтов I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. SOCKS for my chat app</source>
        <translation>например, SOCKS для чата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Irc2P chat</source>
        <translation>например, Чат Irc2P</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_form.py" line="+104"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Allow listening on a non-loopback address</source>
        <translation>Разрешить прослушивание на адресе, отличном от loopback</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+44"/>
        <source>xxxx….b32.i2p, name.i2p or base64</source>
        <translation>xxxx….b32.i2p, name.i2p или base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Unlimited</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+6"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+2"/>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once one side has ended its stream (sent its FIN), close the connection when it stays idle this long; the other side would otherwise hold it until the idle timeout.</source>
        <translation>Когда одна сторона завершила свой поток (отправила FIN), закрыть подключение, если оно простаивает так долго; иначе другая сторона удерживает его до тайм-аута простоя.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start when the app starts</source>
        <translation>Запускать при запуске программы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Persistent — same .b32 address after restarts</source>
        <translation>Постоянный — тот же адрес .b32 после перезапусков</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transient — a new address on every start</source>
        <translation>Временный — новый адрес при каждом запуске</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New identity — replace the key (the address changes)…</source>
        <translation>Новая личность — заменить ключ (адрес изменится)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advanced I2P settings</source>
        <translation>Дополнительные настройки I2P</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (recommended)</source>
        <translation> (рекомендуется)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (weak, legacy)</source>
        <translation> (слабый, устаревший)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>app setting (default {0})</source>
        <translation>настройка программы (по умолчанию {0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>one key=value per line, e.g.
i2cp.leaseSetType=3</source>
        <translation>по одному ключ=значение в строке, например
i2cp.leaseSetType=3</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listen on</source>
        <translation>Слушать на</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+10"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="-14"/>
        <source>Destination</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max. connections</source>
        <translation>Макс. подключений</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection lifetime</source>
        <translation>Время жизни подключения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle timeout</source>
        <translation>Тайм-аут простоя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half-close timeout</source>
        <translation>Тайм-аут полузакрытия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect timeout</source>
        <translation>Тайм-аут подключения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I2P identity</source>
        <translation>Личность I2P</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tunnel shape</source>
        <translation>Форма туннеля</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature type</source>
        <translation>Тип подписи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM address</source>
        <translation>Адрес SAM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2CP options</source>
        <translation>Параметры I2CP</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown ({0})</source>
        <translation>неизвестно ({0})</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="-1"/>
        <source>IRC servers</source>
        <translation>IRC-серверы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>irc.postman.i2p, irc.echelon.i2p (tried in order)</source>
        <translation>irc.postman.i2p, irc.echelon.i2p (по порядку)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local service</source>
        <translation>Локальный сервис</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/export_dialog.py" line="+38"/>
        <source>Java I2P: one i2ptunnel.config file</source>
        <translation>Java I2P: один файл i2ptunnel.config</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Java I2P: i2ptunnel.config.d folder (one file per tunnel)</source>
        <translation>Java I2P: папка i2ptunnel.config.d (по файлу на туннель)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Java I2P: a folder with i2ptunnel.config.d and copies of the keys</source>
        <translation>Java I2P: папка с i2ptunnel.config.d и копиями ключей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>i2pd: tunnels.conf</source>
        <translation>i2pd: tunnels.conf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd: a folder with tunnels.conf and copies of the keys</source>
        <translation>i2pd: папка с tunnels.conf и копиями ключей</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export tunnels</source>
        <translation>Экспорт туннелей</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n tunnel(s) to export into a folder, with copies of their private keys (readable only by you); the report then says what to copy where.</source>
        <translation>
            <numerusform>%n туннель будет экспортирован в папку вместе с копиями закрытых ключей (доступны только вам); затем отчёт скажет, что и куда скопировать.</numerusform>
            <numerusform>%n туннеля будут экспортированы в папку вместе с копиями закрытых ключей (доступны только вам); затем отчёт скажет, что и куда скопировать.</numerusform>
            <numerusform>%n туннелей будут экспортированы в папку вместе с копиями закрытых ключей (доступны только вам); затем отчёт скажет, что и куда скопировать.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n tunnel(s) to export. Private keys are not copied; the export refers to their files.</source>
        <translation>
            <numerusform>%n туннель будет экспортирован. Закрытые ключи не копируются; экспорт ссылается на их файлы.</numerusform>
            <numerusform>%n туннеля будут экспортированы. Закрытые ключи не копируются; экспорт ссылается на их файлы.</numerusform>
            <numerusform>%n туннелей будут экспортированы. Закрытые ключи не копируются; экспорт ссылается на их файлы.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not exported: {e}</source>
        <translation>Не экспортировано: {e}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n tunnel(s) to {p}</source>
        <translation>
            <numerusform>Экспортирован %n туннель в {p}</numerusform>
            <numerusform>Экспортировано %n туннеля в {p}</numerusform>
            <numerusform>Экспортировано %n туннелей в {p}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next steps:</source>
        <translation>Дальнейшие шаги:</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/first_run.py" line="+63"/>
        <source>Start a private router</source>
        <translation>Запустить личный роутер</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use my router</source>
        <translation>Использовать мой роутер</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New I2P server…</source>
        <translation>Новый I2P-сервер…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New I2P client…</source>
        <translation>Новый I2P-клиент…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Java I2P&lt;/b&gt;: open the router console, &lt;i&gt;Configure → Clients&lt;/i&gt; (&lt;tt&gt;/configclients&lt;/tt&gt;), enable &lt;b&gt;SAM application bridge&lt;/b&gt;, tick &lt;i&gt;Run at startup&lt;/i&gt; and start it.&lt;br&gt;&lt;b&gt;i2pd&lt;/b&gt;: SAM is on by default; otherwise set &lt;tt&gt;enabled = true&lt;/tt&gt; under &lt;tt&gt;[sam]&lt;/tt&gt; in &lt;tt&gt;i2pd.conf&lt;/tt&gt; and restart i2pd.&lt;br&gt;Then test the address the bridge listens on (127.0.0.1:7656 by default):</source>
        <translation>&lt;b&gt;Java I2P&lt;/b&gt;: откройте консоль роутера, &lt;i&gt;Configure → Clients&lt;/i&gt; (&lt;tt&gt;/configclients&lt;/tt&gt;), включите &lt;b&gt;SAM application bridge&lt;/b&gt;, отметьте &lt;i&gt;Run at startup&lt;/i&gt; и запустите его.&lt;br&gt;&lt;b&gt;i2pd&lt;/b&gt;: SAM включён по умолчанию; иначе задайте &lt;tt&gt;enabled = true&lt;/tt&gt; в разделе &lt;tt&gt;[sam]&lt;/tt&gt; файла &lt;tt&gt;i2pd.conf&lt;/tt&gt; и перезапустите i2pd.&lt;br&gt;Затем проверьте адрес, на котором слушает мост (по умолчанию 127.0.0.1:7656):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No I2P router answers yet</source>
        <translation>I2P-роутер пока не отвечает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The app needs an I2P router. It can run a private one just for itself, or use a router you already run.</source>
        <translation>Программе нужен I2P-роутер. Она может запустить личный роутер только для себя или использовать роутер, который у вас уже работает.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For a private router, install i2pd first: {0} (or ./scripts/setup.sh run).</source>
        <translation>Для личного роутера сначала установите i2pd: {0} (или ./scripts/setup.sh run).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Starting the private router…</source>
        <translation>Личный роутер запускается…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ready: make your first tunnel</source>
        <translation>Готово: создайте свой первый туннель</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Router: {0}.
To put a local service on I2P (a web site, SSH…): New I2P server, give the local address, Save, Start; share the b32 address it gets.
To reach an I2P service: New I2P client with its address and a local port.</source>
        <translation>Роутер: {0}.
Чтобы выставить локальный сервис в I2P (сайт, SSH…): Новый I2P-сервер, укажите локальный адрес, Сохранить, Запустить; поделитесь полученным адресом b32.
Чтобы подключиться к сервису I2P: Новый I2P-клиент с его адресом и локальным портом.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/import_dialog.py" line="+45"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen</source>
        <translation>Слушает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import tunnels</source>
        <translation>Импорт туннелей</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf or tunnels.d/</source>
        <translation>i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf или tunnels.d/</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import from:</source>
        <translation>Импорт из:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import the valid tunnels anyway (the entries with errors are left out)</source>
        <translation>Всё равно импортировать корректные туннели (записи с ошибками будут пропущены)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a tunnel config</source>
        <translation>Выберите файл конфигурации туннелей</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tunnel configs (*.config *.conf)</source>
        <translation>Конфигурации туннелей (*.config *.conf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n tunnel(s) to add, {s} skipped</source>
        <translation>
            <numerusform>%n туннель к добавлению, пропущено: {s}</numerusform>
            <numerusform>%n туннеля к добавлению, пропущено: {s}</numerusform>
            <numerusform>%n туннелей к добавлению, пропущено: {s}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n error(s): nothing is imported unless you confirm below</source>
        <translation>
            <numerusform>; %n ошибка: ничего не будет импортировано, пока вы не подтвердите ниже</numerusform>
            <numerusform>; %n ошибки: ничего не будет импортировано, пока вы не подтвердите ниже</numerusform>
            <numerusform>; %n ошибок: ничего не будет импортировано, пока вы не подтвердите ниже</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nothing imported: {e}</source>
        <translation>Ничего не импортировано: {e}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Imported %n tunnel(s)</source>
        <translation>
            <numerusform>Импортирован %n туннель</numerusform>
            <numerusform>Импортировано %n туннеля</numerusform>
            <numerusform>Импортировано %n туннелей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAddress</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/key_address.py" line="+38"/>
        <source>The key file cannot be used: {why}</source>
        <translation>Файл ключа нельзя использовать: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key file unusable</source>
        <translation>файл ключа непригоден</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No key file yet ({path}): the address is made at the first start.</source>
        <translation>Файла ключа ещё нет ({path}): адрес будет создан при первом запуске.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no key file yet</source>
        <translation>файла ключа ещё нет</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+37"/>
        <source>TCP forward…</source>
        <translation>TCP-переадресация…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P server…</source>
        <translation>I2P-сервер…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P web site…</source>
        <translation>I2P-сайт…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P client…</source>
        <translation>I2P-клиент…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP proxy…</source>
        <translation>HTTP-прокси…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS proxy…</source>
        <translation>SOCKS-прокси…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client…</source>
        <translation>IRC-клиент…</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window.py" line="+70"/>
        <source>SAM: checking…</source>
        <translation>SAM: проверка…</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+35"/>
        <location line="+5"/>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start all</source>
        <translation>Запустить все</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop all</source>
        <translation>Остановить все</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart all</source>
        <translation>Перезапустить все</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close connection</source>
        <translation>Закрыть подключение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window.py" line="+20"/>
        <source>Tunnels</source>
        <translation>Туннели</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tunnel</source>
        <translation>&amp;Туннель</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n открытое подключение</numerusform>
            <numerusform>%n открытых подключения</numerusform>
            <numerusform>%n открытых подключений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SAM {address}: reachable, version {version}</source>
        <translation>SAM {address}: доступен, версия {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAM {address}: not reachable</source>
        <translation>SAM {address}: недоступен</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+100"/>
        <source>Delete the tunnel “{name}”?</source>
        <translation>Удалить туннель «{name}»?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is running and will be stopped first.</source>
        <translation>Он работает и будет сначала остановлен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete tunnel</source>
        <translation>Удалить туннель</translation>
    </message>
</context>
<context>
    <name>OpenCardDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/open_card_dialog.py" line="+38"/>
        <source>Once it runs, open http://{address}/ in your browser.</source>
        <translation>Когда он заработает, откройте http://{address}/ в браузере.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs: ssh -p {port} USER@127.0.0.1</source>
        <translation>Когда он заработает: ssh -p {port} ПОЛЬЗОВАТЕЛЬ@127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs, point your IRC client at {address}.</source>
        <translation>Когда он заработает, подключите IRC-клиент к {address}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs, connect to {address}.</source>
        <translation>Когда он заработает, подключайтесь к {address}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2P client tunnel</source>
        <translation>Клиентский туннель I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client tunnel</source>
        <translation>Клиентский туннель IRC</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open share card</source>
        <translation>Открыть карточку доступа</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This share card creates the following client tunnel. Nothing is created until you press Create.</source>
        <translation>Эта карточка доступа создаёт следующий клиентский туннель. Ничего не создаётся, пока вы не нажмёте «Создать».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tunnel name</source>
        <translation>Имя туннеля</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+26"/>
        <source>Local port</source>
        <translation>Локальный порт</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The local port your programs connect to</source>
        <translation>Локальный порт, к которому подключаются ваши программы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start the tunnel now</source>
        <translation>Запустить туннель сейчас</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listens on</source>
        <translation>Слушает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P port</source>
        <translation>Порт I2P</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Port {port} is used by the tunnel “{name}”.</source>
        <translation>Порт {port} занят туннелем «{name}».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port {port} is in use by another program.</source>
        <translation>Порт {port} занят другой программой.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the tunnel a name.</source>
        <translation>Дайте туннелю имя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a tunnel named “{name}”.</source>
        <translation>Туннель с именем «{name}» уже есть.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not a usable share card: {why}</source>
        <translation>Непригодная карточка доступа: {why}</translation>
    </message>
</context>
<context>
    <name>OptionLines</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/option_lines.py" line="+23"/>
        <source>Inbound hops</source>
        <translation>Входящие переходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hops</source>
        <translation>Исходящие переходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound tunnels</source>
        <translation>Входящие туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound tunnels</source>
        <translation>Исходящие туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound hop variance</source>
        <translation>Разброс входящих переходов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hop variance</source>
        <translation>Разброс исходящих переходов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound backup tunnels</source>
        <translation>Входящие резервные туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound backup tunnels</source>
        <translation>Исходящие резервные туннели</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>moved {option} to {field}</source>
        <translation>{option} перенесено в «{field}»</translation>
    </message>
</context>
<context>
    <name>PortCheck</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/port_check.py" line="+94"/>
        <source>port {port} is in use by the running tunnel “{name}” (it still runs with its earlier settings): choose another port or restart that tunnel first</source>
        <translation>порт {port} занят работающим туннелем «{name}» (он ещё работает с прежними настройками): выберите другой порт или сначала перезапустите этот туннель</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>port {port} is in use by another program ({name}, process {pid}): choose another port or stop that program</source>
        <translation>порт {port} занят другой программой ({name}, процесс {pid}): выберите другой порт или остановите эту программу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port {port} is in use by another program: choose another port</source>
        <translation>порт {port} занят другой программой: выберите другой порт</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/preferences.py" line="+65"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Router</source>
        <translation>Роутер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Ключи</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Notify when a tunnel fails or comes back</source>
        <translation>Уведомлять, когда туннель падает или восстанавливается</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start minimized to the tray</source>
        <translation>Запускать свёрнутым в область уведомлений</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start when I log in (minimized)</source>
        <translation>Запускать при входе в систему (свёрнутым)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language changes at the next start.</source>
        <translation>Язык сменится при следующем запуске.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each server tunnel&apos;s private key is its address: whoever holds the file can use the address, and without it the address is lost. Back the folder up.</source>
        <translation>Закрытый ключ серверного туннеля — это его адрес: кто владеет файлом, может использовать адрес, а без файла адрес потерян. Делайте резервную копию папки.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Back up the keys folder</source>
        <translation>Резервная копия папки ключей</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n key file(s) saved to {0}</source>
        <translation>
            <numerusform>%n файл ключа сохранён в {0}</numerusform>
            <numerusform>%n файла ключей сохранены в {0}</numerusform>
            <numerusform>%n файлов ключей сохранены в {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out: {0}</source>
        <translation>Пропущено: {0}</translation>
    </message>
</context>
<context>
    <name>QrLabel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/qr.py" line="+103"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Enter to enlarge it and to save it</source>
        <translation>Нажмите Enter, чтобы увеличить и сохранить его</translation>
    </message>
</context>
<context>
    <name>QrWindow</name>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as SVG…</source>
        <translation>Сохранить как SVG…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the QR code</source>
        <translation>Сохранить QR-код</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG image (*.svg)</source>
        <translation>Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QR code not saved</source>
        <translation>QR-код не сохранён</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/quit_guard.py" line="+44"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tunnel(s) are running.</source>
        <translation>
            <numerusform>Работает %n туннель.</numerusform>
            <numerusform>Работают %n туннеля.</numerusform>
            <numerusform>Работает %n туннелей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quitting stops them and closes every connection through them.</source>
        <translation>Выход остановит их и закроет все подключения через них.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit and stop them</source>
        <translation>Выйти и остановить их</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep running in the tray</source>
        <translation>Продолжить работу в области уведомлений</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/refusal_labels.py" line="+10"/>
        <source>access list</source>
        <translation>список доступа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other I2P port</source>
        <translation>другой порт I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max concurrent</source>
        <translation>макс. одновременно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per minute</source>
        <translation>клиент в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per hour</source>
        <translation>клиент в час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per day</source>
        <translation>клиент в сутки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per minute</source>
        <translation>всего в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per hour</source>
        <translation>всего в час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per day</source>
        <translation>всего в сутки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST limit</source>
        <translation>лимит POST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad request</source>
        <translation>неверный запрос</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>RouterPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/router_panel.py" line="+45"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Запускается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarting</source>
        <translation>Перезапускается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot start</source>
        <translation>Не запускается</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The router&apos;s own figures (I2PControl)</source>
        <translation>Собственные показатели роутера (I2PControl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers (active / known)</source>
        <translation>Узлы (активные / известные)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transit tunnels</source>
        <translation>Транзитные туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnel builds succeeding</source>
        <translation>Успешные построения туннелей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth in / out</source>
        <translation>Трафик вход / выход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received / sent</source>
        <translation>Получено / отправлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation>Время работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Router log</source>
        <translation>Журнал роутера</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Your router (SAM at {0})</source>
        <translation>Ваш роутер (SAM на {0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app uses a router you run. Its figures appear below when its I2PControl address is set in Preferences.</source>
        <translation>Программа использует ваш роутер. Его показатели появятся ниже, когда в настройках будет указан его адрес I2PControl.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, SAM at {0}</source>
        <translation>, SAM на {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: {0}{1}</source>
        <translation>Личный роутер: {0}{1}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Restarted %n time(s)</source>
        <translation>
            <numerusform>Перезапущен %n раз</numerusform>
            <numerusform>Перезапущен %n раза</numerusform>
            <numerusform>Перезапущен %n раз</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Busy: {0}</source>
        <translation>Занят: {0}</translation>
    </message>
</context>
<context>
    <name>RouterPrefsForm</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/preferences_router.py" line="+58"/>
        <source>Use my router (i2pd or Java I2P)</source>
        <translation>Использовать мой роутер (i2pd или Java I2P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a private router for this app (i2pd)</source>
        <translation>Запустить личный роутер для этой программы (i2pd)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your router</source>
        <translation>Ваш роутер</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SAM address</source>
        <translation>Адрес SAM</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only with SAM authentication on (Java I2P)</source>
        <translation>только при включённой аутентификации SAM (Java I2P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM user</source>
        <translation>Пользователь SAM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAM password</source>
        <translation>Пароль SAM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. 127.0.0.1:7650</source>
        <translation>необязательно, например 127.0.0.1:7650</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl address</source>
        <translation>Адрес I2PControl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I2PControl password</source>
        <translation>Пароль I2PControl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private router</source>
        <translation>Личный роутер</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>i2pd on PATH</source>
        <translation>i2pd из PATH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>i2pd program</source>
        <translation>Программа i2pd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another free port is used when this one is busy</source>
        <translation>Если этот порт занят, используется другой свободный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred SAM port</source>
        <translation>Предпочтительный порт SAM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KB/s</source>
        <translation> КБ/с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router default</source>
        <translation>по умолчанию роутера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth limit</source>
        <translation>Ограничение трафика</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How much of the bandwidth may carry other people&apos;s tunnels</source>
        <translation>Какая доля трафика может нести чужие туннели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with the network</source>
        <translation>Делиться с сетью</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own i2pd.conf lines; they win over the settings above</source>
        <translation>Ваши собственные строки i2pd.conf; они важнее настроек выше</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra i2pd.conf lines</source>
        <translation>Дополнительные строки i2pd.conf</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Found: {0}</source>
        <translation>Найдено: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The i2pd program</source>
        <translation>Программа i2pd</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking {0}…</source>
        <translation>Запрос к {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SAM answers (version {0})</source>
        <translation>SAM отвечает (версия {0})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No SAM bridge: {0}</source>
        <translation>Нет моста SAM: {0}</translation>
    </message>
</context>
<context>
    <name>RouterUi</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/router_ui.py" line="+75"/>
        <source>Router</source>
        <translation>Роутер</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentation</source>
        <translation>Документация</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the router&apos;s log folder</source>
        <translation>Открыть папку журналов роутера</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Starting i2pd…</source>
        <translation>i2pd запускается…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+139"/>
        <source>Private router: {0}</source>
        <translation>Личный роутер: {0}</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>No SAM bridge: {0}</source>
        <translation>Нет моста SAM: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SAM answers (version {0})</source>
        <translation>SAM отвечает (версия {0})</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Preferences not saved: {0}</source>
        <translation>Настройки не сохранены: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} {1}
I2P tunnels over SAM v3, with a router of its own (i2pd) or yours.</source>
        <translation>{0} {1}
Туннели I2P через SAM v3, со своим роутером (i2pd) или вашим.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Private router: starting — tunnels wait for it</source>
        <translation>Личный роутер: запускается — туннели ждут его</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: running</source>
        <translation>Личный роутер: работает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: restarting — tunnels wait for it</source>
        <translation>Личный роутер: перезапускается — туннели ждут его</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: cannot start</source>
        <translation>Личный роутер: не запускается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: stopped</source>
        <translation>Личный роутер: остановлен</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Router: {0}</source>
        <translation>Роутер: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private router: {0} — tunnels wait for it</source>
        <translation>Личный роутер: {0} — туннели ждут его</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>waiting for the router ({0})</source>
        <translation>ожидание роутера ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting</source>
        <translation>запускается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restarting</source>
        <translation>перезапускается</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for the router: {0}</source>
        <translation>ожидание роутера: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>private router, SAM {0}</source>
        <translation>личный роутер, SAM {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your router, SAM {0}</source>
        <translation>ваш роутер, SAM {0}</translation>
    </message>
</context>
<context>
    <name>ServerPolicy</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/details_server_policy.py" line="+25"/>
        <source>per client</source>
        <translation>на клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in total</source>
        <translation>всего</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}/min</source>
        <translation>{0}/мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}/h</source>
        <translation>{0}/ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}/day</source>
        <translation>{0}/сутки</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
</context>
<context>
    <name>ServerPolicyDetails</name>
    <message>
        <location line="+20"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Site:</source>
        <translation>Сайт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access:</source>
        <translation>Доступ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits:</source>
        <translation>Ограничения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P port:</source>
        <translation>Порт I2P:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused:</source>
        <translation>Отклонено:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>only port {0}</source>
        <translation>только порт {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>destination port {0}</source>
        <translation>порт назначения {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>everyone may connect</source>
        <translation>подключаться могут все</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only these {0} may connect:</source>
        <translation>подключаться могут только эти ({0}):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone but these {0} may connect:</source>
        <translation>подключаться могут все, кроме этих ({0}):</translation>
    </message>
</context>
<context>
    <name>ServerPolicyFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_server_policy.py" line="+73"/>
        <source>No limit</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone may connect</source>
        <translation>Подключаться могут все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these destinations (allow list)</source>
        <translation>Только эти назначения (белый список)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone but these (deny list)</source>
        <translation>Все, кроме этих (чёрный список)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One per line: xxxx….b32.i2p, a base64 destination or name.i2p</source>
        <translation>По одному в строке: xxxx….b32.i2p, назначение base64 или name.i2p</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access list</source>
        <translation>Список доступа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who:</source>
        <translation>Кто:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destinations:</source>
        <translation>Назначения:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection limits</source>
        <translation>Ограничения подключений</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>per minute</source>
        <translation>в минуту</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per hour</source>
        <translation>в час</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per day</source>
        <translation>в сутки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each client</source>
        <translation>Каждый клиент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All clients</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HTTP server</source>
        <translation>HTTP-сервер</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Host the caller sent</source>
        <translation>Host, присланный посетителем</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host header:</source>
        <translation>Заголовок Host:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POSTs per client:</source>
        <translation>POST-запросов на клиента:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POSTs in total:</source>
        <translation>POST-запросов всего:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted over:</source>
        <translation>Считать за:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ban:</source>
        <translation>Бан клиента:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone ban:</source>
        <translation>Бан для всех:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2P port</source>
        <translation>Порт I2P</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Accept only port:</source>
        <translation>Принимать только порт:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destination port:</source>
        <translation>Порт назначения:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The router&apos;s SAM bridge grants version {0}; I2P ports need SAM 3.2 or newer (Java I2P and newer i2pd grant it). This tunnel will not start with a port on this router.</source>
        <translation>Мост SAM роутера даёт версию {0}; для портов I2P нужен SAM 3.2 или новее (его дают Java I2P и новые i2pd). С портом этот туннель на этом роутере не запустится.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/share_dialog.py" line="+40"/>
        <source>Web site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC server</source>
        <translation>IRC-сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other TCP service</source>
        <translation>Другой TCP-сервис</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Share…</source>
        <translation>Поделиться…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A link, QR code or file with which another copy of this app creates the matching client tunnel in one step</source>
        <translation>Ссылка, QR-код или файл, по которым другая копия этой программы за один шаг создаёт подходящий клиентский туннель</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share this service</source>
        <translation>Поделиться этим сервисом</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Share “{name}”</source>
        <translation>Поделиться «{name}»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Give this card to whoever should reach the service. Their I2P Tunnel Manager opens it (paste the link, drop the file, or scan the QR code) and creates the client tunnel after they confirm it. The card holds only the public address.</source>
        <translation>Передайте эту карточку тем, кто должен получить доступ к сервису. Их I2P Tunnel Manager откроет её (вставьте ссылку, перетащите файл или отсканируйте QR-код) и создаст клиентский туннель после их подтверждения. Карточка содержит только публичный адрес.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service kind</source>
        <translation>Тип сервиса</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share card link</source>
        <translation>Ссылка на карточку доступа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web address for I2P browsers</source>
        <translation>Веб-адрес для браузеров I2P</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the QR code holds</source>
        <translation>Что содержит QR-код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the share card</source>
        <translation>карточки доступа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the web address</source>
        <translation>веб-адреса</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to enlarge, and to save as PNG or SVG</source>
        <translation>Щёлкните, чтобы увеличить и сохранить как PNG или SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save card file…</source>
        <translation>Сохранить файл карточки…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card link</source>
        <translation>Ссылка на карточку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web address</source>
        <translation>Веб-адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code of</source>
        <translation>QR-код для</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Copy to the clipboard</source>
        <translation>Скопировать в буфер обмена</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the share card</source>
        <translation>Сохранить карточку доступа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share cards (*{suffix})</source>
        <translation>Карточки доступа (*{suffix})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card not saved</source>
        <translation>Карточка не сохранена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {why}</source>
        <translation>{path}: {why}</translation>
    </message>
</context>
<context>
    <name>TrafficGraph</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/traffic_graph.py" line="+78"/>
        <source>Bandwidth of all tunnels</source>
        <translation>Пропускная способность всех туннелей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth of this tunnel</source>
        <translation>Пропускная способность этого туннеля</translation>
    </message>
</context>
<context>
    <name>TrafficWindow</name>
    <message>
        <location line="+9"/>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic summary</source>
        <translation>Сводка трафика</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tray.py" line="+63"/>
        <location line="+105"/>
        <source>{name} failed</source>
        <translation>{name}: сбой</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>{app}: {running} of {total} tunnels running</source>
        <translation>{app}: работает туннелей: {running} из {total}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — some failed</source>
        <translation> — есть сбои</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show/Hide window</source>
        <translation>Показать/скрыть окно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic…</source>
        <translation>Трафик…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Start all</source>
        <translation>Запустить все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop all</source>
        <translation>Остановить все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart all</source>
        <translation>Перезапустить все</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} is degraded</source>
        <translation>{name}: работает с перебоями</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} recovered</source>
        <translation>{name}: восстановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel is running again.</source>
        <translation>Туннель снова работает.</translation>
    </message>
</context>
<context>
    <name>TunnelController</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/controller.py" line="+90"/>
        <source>{name}: changes apply when the tunnel restarts</source>
        <translation>{name}: изменения вступят в силу после перезапуска туннеля</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} (copy)</source>
        <translation>{name} (копия)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (copy {n})</source>
        <translation>{name} (копия {n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name}: old key not deleted: {why}</source>
        <translation>{name}: старый ключ не удалён: {why}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: a new identity is created on the next start</source>
        <translation>{name}: при следующем запуске будет создана новая личность</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tunnels not saved: {why}</source>
        <translation>Туннели не сохранены: {why}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{name}: not stopped: {why}</source>
        <translation>{name}: не остановлен: {why}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{name}: reachability not checked: {why}</source>
        <translation>{name}: доступность не проверена: {why}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>connection {id}: not closed: {why}</source>
        <translation>подключение {id}: не закрыто: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection {id} had already closed</source>
        <translation>подключение {id} уже было закрыто</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the engine did not answer in time</source>
        <translation>движок не ответил вовремя</translation>
    </message>
</context>
<context>
    <name>TunnelEditor</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor.py" line="+58"/>
        <source>New tunnel</source>
        <translation>Новый туннель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit tunnel “{0}”</source>
        <translation>Изменить туннель «{0}»</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Create a new identity?</source>
        <translation>Создать новую личность?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This tunnel will get a new private key when you save, so its .b32 address changes and the old address stops working for everyone who uses it.

This cannot be undone.</source>
        <translation>При сохранении этот туннель получит новый закрытый ключ, поэтому его адрес .b32 изменится, и старый адрес перестанет работать для всех, кто им пользуется.

Это нельзя отменить.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a tunnel named “{name}” already exists</source>
        <translation>туннель с именем «{name}» уже существует</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the tunnel “{other}” already listens on {address}; only one of them can run: choose another port</source>
        <translation>туннель «{other}» уже слушает {address}; работать может только один из них: выберите другой порт</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>⚠ {0} is not a loopback address: anyone who can reach this computer on that address can use this tunnel.</source>
        <translation>⚠ {0} — не loopback-адрес: любой, кто может достучаться до этого компьютера по этому адресу, сможет пользоваться туннелем.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new key will be created on save; the current .b32 address stops working.</source>
        <translation>При сохранении будет создан новый ключ; текущий адрес .b32 перестанет работать.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Still needed: {0}</source>
        <translation>Ещё нужно: {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listen address</source>
        <translation>адрес прослушивания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listen port</source>
        <translation>порт прослушивания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target host</source>
        <translation>хост цели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target port</source>
        <translation>порт цели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination</source>
        <translation>назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max. connections</source>
        <translation>макс. подключений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection lifetime</source>
        <translation>время жизни подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle timeout</source>
        <translation>тайм-аут простоя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-close timeout</source>
        <translation>тайм-аут полузакрытия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect timeout</source>
        <translation>тайм-аут подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signature type</source>
        <translation>тип подписи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM address</source>
        <translation>адрес SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2CP options</source>
        <translation>параметры I2CP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list</source>
        <translation>список доступа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list entries</source>
        <translation>записи списка доступа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection limits</source>
        <translation>ограничения подключений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host override</source>
        <translation>замена Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST limits</source>
        <translation>ограничения POST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P port</source>
        <translation>порт I2P</translation>
    </message>
</context>
<context>
    <name>TunnelLog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_log.py" line="+40"/>
        <source>State changes and errors (last {0}) appear here.</source>
        <translation>Здесь появляются смены состояния и ошибки (последние {0}).</translation>
    </message>
</context>
<context>
    <name>TunnelOptions</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_fields.py" line="-18"/>
        <source>line {0}: expected key=value, got {1}</source>
        <translation>строка {0}: ожидалось ключ=значение, получено {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>line {0}: {1}</source>
        <translation>строка {0}: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {0}: {1} is set twice</source>
        <translation>строка {0}: {1} задан дважды</translation>
    </message>
</context>
<context>
    <name>TunnelShape</name>
    <message>
        <location line="-111"/>
        <source>Hops (length)</source>
        <translation>Переходы (длина)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnels (quantity)</source>
        <translation>Туннели (количество)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hop variance</source>
        <translation>Разброс переходов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup tunnels</source>
        <translation>Резервные туннели</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Inbound</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>default</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2CP option {0}; &apos;default&apos; leaves it to the router</source>
        <translation>Параметр I2CP {0}; «по умолчанию» оставляет его роутеру</translation>
    </message>
</context>
<context>
    <name>TunnelState</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_states.py" line="+20"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standby</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Запускается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <translation>С перебоями</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting</source>
        <translation>Переподключается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>TunnelTableModel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_model.py" line="+43"/>
        <source>TCP forward</source>
        <translation>TCP-переадресация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P server</source>
        <translation>I2P-сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P client</source>
        <translation>I2P-клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P web site</source>
        <translation>I2P-сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP proxy</source>
        <translation>HTTP-прокси</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS proxy</source>
        <translation>SOCKS-прокси</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client</source>
        <translation>IRC-клиент</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local endpoint</source>
        <translation>Локальная точка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address</source>
        <translation>Адрес I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Open connections over the last 5 minutes: now {0}, peak {1}</source>
        <translation>Открытые соединения за последние 5 минут: сейчас {0}, пик {1}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/format.py" line="+23"/>
        <source>{0} B</source>
        <translation>{0} Б</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} KiB</source>
        <translation>{0} КиБ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} MiB</source>
        <translation>{0} МиБ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} GiB</source>
        <translation>{0} ГиБ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} TiB</source>
        <translation>{0} ТиБ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}/s</source>
        <comment>a rate: {0} is an amount such as 1.5 MiB</comment>
        <translation>{0}/с</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}s</source>
        <comment>seconds</comment>
        <translation>{0} с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}m {1}s</source>
        <comment>minutes and seconds</comment>
        <translation>{0} мин {1} с</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}h {1}m</source>
        <comment>hours and minutes</comment>
        <translation>{0} ч {1} мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}d {1}h</source>
        <comment>days and hours</comment>
        <translation>{0} д {1} ч</translation>
    </message>
</context>
<context>
    <name>ZeroHopWarning</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/zero_hops.py" line="+46"/>
        <source>inbound and outbound</source>
        <translation>входящие и исходящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inbound</source>
        <translation>входящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outbound</source>
        <translation>исходящие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 hops ({which}): no anonymity — the other side can find this computer; use only for testing or when anonymity is not needed</source>
        <translation>0 переходов ({which}): никакой анонимности — другая сторона может найти этот компьютер; используйте только для тестов или когда анонимность не нужна</translation>
    </message>
</context>
<context>
    <name>traffic</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/traffic_graph.py" line="-68"/>
        <source>In {0}, out {1} (total {2} in, {3} out)</source>
        <translation>Вход {0}, выход {1} (всего {2} вход, {3} выход)</translation>
    </message>
</context>
</TS>
