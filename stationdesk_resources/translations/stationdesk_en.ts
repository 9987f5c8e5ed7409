<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="42"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="45"/>
        <source>用户名，如 li.shen</source>
        <translation>User name, e.g. li.shen</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="48"/>
        <location filename="../../ui/district/admin_accounts.py" line="73"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="54"/>
        <source>初始密码（至少 8 位）</source>
        <translation>Initial password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="57"/>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="65"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="66"/>
        <location filename="../../ui/district/admin_accounts.py" line="116"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="68"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="73"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="73"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="74"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="97"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="98"/>
        <source>待改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="98"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="116"/>
        <source>重新启用</source>
        <translation>Re-enable</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="137"/>
        <source>请填写用户名和至少 8 位的初始密码。</source>
        <translation>Enter a user name and an initial password of at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="145"/>
        <source>已新建账号 {username}。</source>
        <translation>Account {username} created.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="152"/>
        <source>停用账号 {username}（{name}）？其登录立即失效。</source>
        <translation>Disable account {username} ({name})? Its sessions end at once.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="156"/>
        <source>已重新启用 {username}。</source>
        <translation>{username} re-enabled.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="156"/>
        <source>已停用 {username}。</source>
        <translation>{username} disabled.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="162"/>
        <source>为 {username} 生成一次性密码？原密码和现有登录立即失效。</source>
        <translation>Create a one-time password for {username}? The old password and current sessions stop working at once.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="170"/>
        <source>{username} 的一次性密码：{password}（只显示这一次；对方下次登录时须先设置新密码）</source>
        <translation>One-time password of {username}：{password}（shown only this once; the user must set a new password at the next sign-in）</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_accounts.py" line="176"/>
        <source>已重置 {username} 的密码。</source>
        <translation>Password of {username} reset.</translation>
    </message>
</context>
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../ui/district/actions.py" line="100"/>
        <source>结束特别程序</source>
        <translation>End special procedure</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="101"/>
        <location filename="../../ui/district/actions.py" line="153"/>
        <location filename="../../ui/district/actions.py" line="276"/>
        <source>特别程序</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="145"/>
        <source>办理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="150"/>
        <source>接件 F2</source>
        <translation>Take F2</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="150"/>
        <source>指派代办员</source>
        <translation>Assign proxy agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="151"/>
        <source>记录进展 F7</source>
        <translation>Record step F7</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="152"/>
        <source>退回补正 F8</source>
        <translation>Return F8</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="154"/>
        <source>准予 F9</source>
        <translation>Approve F9</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="154"/>
        <source>不予批准 F10</source>
        <translation>Deny F10</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="155"/>
        <source>留言 F4</source>
        <translation>Comment F4</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="231"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="249"/>
        <source>确认指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="251"/>
        <source>代办员</source>
        <translation>Proxy agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="255"/>
        <source>确认退回补正</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="259"/>
        <source>告诉申请人要补什么、怎样才合格</source>
        <translation>Tell the applicant what to bring and what makes it acceptable</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="261"/>
        <source>退回后由站点通知申请人补正，期间不计时。</source>
        <translation>The station tells the applicant; the clock stops until the case comes back.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="264"/>
        <source>需补正的材料（勾选）</source>
        <translation>Materials to correct (tick)</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="266"/>
        <location filename="../../ui/district/actions.py" line="332"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="271"/>
        <source>开始（暂停计时）</source>
        <translation>Start (clock paused)</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="280"/>
        <source>公示</source>
        <translation>Public posting</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="280"/>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="280"/>
        <source>专家评审</source>
        <translation>Expert assessment</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="281"/>
        <source>检验检测</source>
        <translation>Inspection and testing</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="281"/>
        <source>现场勘验</source>
        <translation>Site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="284"/>
        <source>结束（期限顺延）</source>
        <translation>End (due date moves)</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="286"/>
        <source>如：公示期满无异议</source>
        <translation>e.g. posting ended without objection</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="288"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="292"/>
        <source>确认准予</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="293"/>
        <location filename="../../ui/district/actions.py" line="364"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="295"/>
        <source>如：海民准〔2026〕12号</source>
        <translation>e.g. 海民准〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="297"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="298"/>
        <source>批准文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="299"/>
        <source>决定随下次同步回到站点，由站点交付申请人。</source>
        <translation>The decision reaches the station with its next sync; the station hands it over.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="306"/>
        <source>确认不予批准</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="308"/>
        <source>写明理由和依据（必填）</source>
        <translation>Reason and its basis (required)</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="310"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="315"/>
        <source>发送留言</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="318"/>
        <source>站点会在下次同步时看到</source>
        <translation>The station sees it with its next sync</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="319"/>
        <source>留言</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="323"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="329"/>
        <source>选填：部门、经办人、结果</source>
        <translation>Optional: department, official, outcome</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="331"/>
        <source>进展</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="336"/>
        <source>提交部门</source>
        <translation>Submitted to department</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="336"/>
        <source>部门反馈</source>
        <translation>Department feedback</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="337"/>
        <source>取得结果</source>
        <translation>Result received</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="387"/>
        <source>没有在岗的代办员可以指派。</source>
        <translation>There is no active proxy agent to assign.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="393"/>
        <source>请勾选至少一项需要补正的材料。</source>
        <translation>Tick at least one material to correct.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="399"/>
        <source>请写明特别程序。</source>
        <translation>Name the special procedure.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="407"/>
        <source>不予批准必须写明理由。</source>
        <translation>A denial needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="410"/>
        <source>留言不能为空。</source>
        <translation>The comment is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="416"/>
        <source>请写明进展。</source>
        <translation>Describe the step.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="431"/>
        <source>未选择案件。</source>
        <translation>No case selected.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="433"/>
        <source>站点已上报，等待接件。接件后可指派代办员或自行办理。</source>
        <translation>Escalated by the station, waiting to be taken. Once taken, assign a proxy agent or handle it yourself.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="436"/>
        <source>该案件由代办员 {who} 办理；您可以留言。</source>
        <translation>Proxy agent {who} handles this case; you can comment.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="440"/>
        <source>办理中。下一步：{step}。</source>
        <translation>Under review. Next step: {step}.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="441"/>
        <source>已取得结果：请准予或不予批准，结果将回到站点交付。</source>
        <translation>Result received: approve or deny; the result goes back to the station for hand-over.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="443"/>
        <source>已退回站点补正，补正后站点重新上报。</source>
        <translation>Returned to the station for correction; it comes back once supplemented.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="445"/>
        <source>已作出决定，等待站点交付申请人。</source>
        <translation>Decided; waiting for the station to hand it over.</translation>
    </message>
    <message>
        <location filename="../../ui/district/actions.py" line="446"/>
        <source>该案件当前由站点负责；您可以留言。</source>
        <translation>The station owns this case now; you can comment.</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="94"/>
        <source>与证件一致</source>
        <extracomment>A complete, valid applicant ID number was entered (look the person up). The agent section gained or lost an agent (the checklist suggests materials).</extracomment>
        <translation>As on the ID document</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="97"/>
        <source>11位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="111"/>
        <source>代理人（委托他人代办时填写）</source>
        <translation>Agent (if applying on someone&apos;s behalf)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="133"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="134"/>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="135"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="144"/>
        <source>代理人姓名</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="147"/>
        <source>代理人手机</source>
        <translation>Agent mobile</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="206"/>
        <source>请输入申请人姓名</source>
        <translation>Enter the applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="217"/>
        <source>请填写代理人姓名</source>
        <translation>Enter the agent&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="131"/>
        <source>证件号码 *</source>
        <translation>ID document *</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="145"/>
        <source>代理人证件</source>
        <translation>Agent&apos;s ID document</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="199"/>
        <source>请输入申请人证件号码</source>
        <translation>Enter the applicant&apos;s ID document number</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="202"/>
        <source>证件号码未输入完整</source>
        <translation>The ID document number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="219"/>
        <source>代理人证件号码无效或未填写完整</source>
        <translation>The agent&apos;s ID document number is invalid or incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="223"/>
        <source>代理人手机：</source>
        <translation>Agent mobile: </translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="237"/>
        <source>新申请人：首次来站办理，请登记姓名和联系方式。</source>
        <translation>New applicant: first visit to this station. Please record name and contact details.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="245"/>
        <source>证照库：{docs}</source>
        <translation>Documents on file: {docs}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="246"/>
        <source>证照库暂无有效证照。</source>
        <translation>No valid documents on file.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/applicant.py" line="247"/>
        <source>已登记申请人，资料已调出。</source>
        <translation>Registered applicant; details recalled. </translation>
    </message>
</context>
<context>
    <name>ApplicantsPage</name>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="121"/>
        <location filename="../../ui/station/applicants_page.py" line="146"/>
        <source>输入姓名（开头的字）或完整证件号码查找申请人。</source>
        <extracomment>The detail pane shows an applicant (their id; &quot;&quot; for none). Search results arrived (their number). An edit was saved (the applicant id).</extracomment>
        <translation>Enter a name (or its beginning) or a full ID number to find an applicant.</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="142"/>
        <source>姓名或证件号码（Ctrl+F）</source>
        <translation>Name or ID number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="150"/>
        <location filename="../../ui/station/applicants_page.py" line="268"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="150"/>
        <location filename="../../ui/station/applicants_page.py" line="239"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="150"/>
        <location filename="../../ui/station/applicants_page.py" line="240"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="150"/>
        <location filename="../../ui/station/applicants_page.py" line="242"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="179"/>
        <source>修改资料(&amp;E)</source>
        <translation>&amp;Edit details</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="190"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="190"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="190"/>
        <location filename="../../ui/station/applicants_page.py" line="197"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="190"/>
        <source>收件日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="191"/>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="196"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="196"/>
        <source>核验时间</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="196"/>
        <source>核验人</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="196"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="201"/>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="202"/>
        <source>证照库</source>
        <translation>Documents on file</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="203"/>
        <source>在左侧查找并选择申请人。</source>
        <translation>Find and select an applicant on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="238"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="244"/>
        <location filename="../../ui/station/applicants_page.py" line="269"/>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="245"/>
        <location filename="../../ui/station/applicants_page.py" line="270"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="246"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="263"/>
        <source>11 位手机号码，可留空</source>
        <translation>11-digit mobile number, optional</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="280"/>
        <source>证件号码、性别和出生日期来自证件，不能修改；证件号码录错的，请以正确号码重新登记。</source>
        <translation>ID number, sex and date of birth come from the ID document and cannot be changed. If the ID number was entered wrongly, register the applicant again with the correct number.</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="284"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="287"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="308"/>
        <location filename="../../ui/station/applicants_page.py" line="362"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="308"/>
        <location filename="../../ui/station/applicants_page.py" line="362"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="314"/>
        <source>（仅显示前 200 位，请输入更多字）</source>
        <translation> (showing the first 200; type more to narrow down)</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="315"/>
        <source>找到 {n} 位申请人{more}</source>
        <translation>Applicants found: {n}{more}</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="319"/>
        <source>没有这个证件号码的申请人。证件号码须完整输入（身份证件号码或统一社会信用代码）。</source>
        <translation>No applicant with this number. Enter the full number (of an ID document or a unified social credit code).</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="322"/>
        <source>没有姓名以“{t}”开头的申请人。</source>
        <translation>No applicant whose name begins with &quot;{t}&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="359"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="377"/>
        <source>办件（{n}）</source>
        <translation>Cases ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="378"/>
        <source>证照库（{n}）</source>
        <translation>Documents on file ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="389"/>
        <source>长期</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="390"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="390"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/station/applicants_page.py" line="454"/>
        <source>已保存。新办件将使用修改后的资料；已有办件保留办理时的资料。</source>
        <translation>Saved. New cases will use the updated details; existing cases keep the details recorded at the time.</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/district/board.py" line="95"/>
        <source>全部站点</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="99"/>
        <location filename="../../ui/district/board.py" line="124"/>
        <location filename="../../ui/district/board.py" line="138"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="99"/>
        <location filename="../../ui/district/board.py" line="125"/>
        <location filename="../../ui/district/board.py" line="138"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="100"/>
        <source>预警或超期</source>
        <translation>Warning or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="101"/>
        <source>{name}：{what}的案件（双击打开）</source>
        <translation>{name}: cases {what} (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="108"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="112"/>
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="119"/>
        <source>站点超过</source>
        <translation>Flag stations silent for</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="121"/>
        <source>未同步即标记</source>
        <translation>without a sync</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="126"/>
        <source>退回补正（暂停计时）</source>
        <translation>Returned (clock paused)</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="127"/>
        <source>久未同步的站点</source>
        <translation>Stations not syncing</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="128"/>
        <source>差评待整改</source>
        <translation>Bad ratings open</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="129"/>
        <source>一次性告知新增项</source>
        <translation>Notices with new items</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="130"/>
        <source>容缺承诺逾期</source>
        <translation>Promised materials overdue</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="138"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="138"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="139"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="139"/>
        <source>最后同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="141"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="147"/>
        <source>按站点</source>
        <translation>By station</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="148"/>
        <source>按事项</source>
        <translation>By matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="160"/>
        <source>点击站点或事项查看其预警、超期的案件。</source>
        <translation>Click a station or a matter to list its warning and overdue cases.</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="187"/>
        <source>{day} · 在办 {n} 件（预警：已用80%时限或仅剩1个工作日）</source>
        <translation>{day} · {n} cases running (warning: 80% of the limit used or one working day left)</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="208"/>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="211"/>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="217"/>
        <source>最后推送 {push}；最后拉取 {pull}</source>
        <translation>Last push {push}; last pull {pull}</translation>
    </message>
    <message>
        <location filename="../../ui/district/board.py" line="220"/>
        <source>（久未同步）</source>
        <translation> (not syncing)</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/station/case_detail.py" line="559"/>
        <source>&lt;span style=&apos;color:#5f6368&apos;&gt;在上方列表中选择一个办件，查看办理进程、材料和文书。&lt;/span&gt;</source>
        <extracomment>The clerk wants to continue the case at the counter. A document was rendered (carries the PrintedDocument) before its preview opens. Escape in the 办理 panel with no form open: the keyboard goes back to the list.</extracomment>
        <translation>&lt;span style=&apos;color:#5f6368&apos;&gt;Select a case in the list above to see its progress, materials and documents.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="566"/>
        <source>未选择办件。</source>
        <translation>No case selected.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="601"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="601"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="601"/>
        <source>出具时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="601"/>
        <source>打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="614"/>
        <location filename="../../ui/station/case_detail.py" line="856"/>
        <location filename="../../ui/station/case_detail.py" line="860"/>
        <source>打印所选文书</source>
        <translation>Print selected document</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="616"/>
        <source>再次打印的文书会标注“补打”，并记入打印日志。</source>
        <translation>Documents printed again are marked &quot;Reprint&quot; and recorded in the print log.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="635"/>
        <source>办理</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="640"/>
        <source>补正 / 继续受理(&amp;R)</source>
        <translation>Supplement / continue intake (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="641"/>
        <source>办结并交付(&amp;B)</source>
        <translation>Complete and deliver (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="642"/>
        <source>上报区级(&amp;U)</source>
        <translation>Escalate to district (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="643"/>
        <source>记录评价(&amp;P)</source>
        <translation>Record rating (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="644"/>
        <source>撤回(&amp;W)</source>
        <translation>Withdraw (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="645"/>
        <source>补交容缺材料(&amp;S)…</source>
        <translation>Deferred material handed in(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="725"/>
        <source>窗口领取</source>
        <translation>Collect at counter</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="725"/>
        <source>邮寄送达</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="726"/>
        <source>电子送达</source>
        <translation>Electronic delivery</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="729"/>
        <source>选填，如：已发放证件</source>
        <translation>Optional, e.g. certificate issued</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="732"/>
        <source>办结后请申请人本人在评价屏上评价。</source>
        <translation>After the hand-over, the applicant rates on the customer display.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="752"/>
        <source>评价须由申请人本人作出（评价屏或本人手机）。</source>
        <translation>Ratings are given by the applicant (on the customer display or their own phone).</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="754"/>
        <source>在评价屏上请申请人评价</source>
        <translation>Ask for a rating on the customer display</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="756"/>
        <source>申请人不愿评价</source>
        <translation>Applicant declined to rate</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="763"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="766"/>
        <source>保存口述评价（代为录入）</source>
        <translation>Save dictated rating (entered by staff)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="773"/>
        <source>口述等级</source>
        <translation>Dictated level</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="867"/>
        <source>已保存 PDF</source>
        <translation>Saved as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="897"/>
        <source>已办结，尚未评价：请申请人在评价屏上评价，或登记口述评价、不愿评价。</source>
        <translation>Completed, not yet rated: ask the applicant to rate on the customer display, or record a dictated rating or a decline.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="921"/>
        <source>或：申请人口述评价，由窗口人员（{name}）代为录入——评价将注明代为录入和录入人。</source>
        <translation>Or: the applicant dictates a rating and staff ({name}) enter it; the rating is marked as entered by staff, with the name.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="961"/>
        <source>已办结并交付，评价屏已请申请人评价。正在生成办结通知…</source>
        <translation>Completed and handed over; the customer display asks the applicant to rate. Generating the result notice…</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="976"/>
        <source>口述评价已代为录入（注明录入人）。</source>
        <translation>Dictated rating entered (marked with who entered it).</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="977"/>
        <source>口述差评已代为录入，将由区中心跟进整改。</source>
        <translation>Dictated bad rating entered; the district center will follow it up.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="985"/>
        <source>已登记：申请人不愿评价。</source>
        <translation>Recorded: the applicant declined to rate.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="991"/>
        <source>评价屏已请申请人评价。</source>
        <translation>The customer display asks the applicant to rate.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="735"/>
        <source>确认办结并打印办结通知</source>
        <translation>Complete and print result notice</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="738"/>
        <location filename="../../ui/station/case_detail.py" line="768"/>
        <location filename="../../ui/station/case_detail.py" line="791"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="740"/>
        <source>交付方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="741"/>
        <source>结果说明</source>
        <translation>Result note</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="775"/>
        <source>评价意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="782"/>
        <source>如：申请人书面申请撤回</source>
        <translation>E.g. applicant asked in writing to withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="785"/>
        <source>撤回后案件即结束，不能恢复；申请人需要时须重新申请。</source>
        <translation>Withdrawal closes the case for good; the applicant must apply again if needed.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="788"/>
        <source>确认撤回</source>
        <translation>Confirm withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="793"/>
        <source>撤回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="865"/>
        <source>已打印 {n} 次</source>
        <translation>Printed {n}×</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="868"/>
        <source>未打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="859"/>
        <source>补打所选文书</source>
        <translation>Reprint selected document</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="885"/>
        <source>区中心已作出决定：请通知申请人领取结果，交付时办结并请其评价。</source>
        <translation>The district center has decided: notify the applicant to collect the result; complete the case on delivery and ask for a rating.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="887"/>
        <source>本事项须上报区级审批：核对材料后上报，由区中心代办。</source>
        <translation>This matter needs district approval: check the materials, then escalate; the district center handles it.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="889"/>
        <source>本事项由站点办结：办理完成后办结并交付，请申请人评价。</source>
        <translation>This matter is completed at the station: when done, complete and deliver, and ask the applicant for a rating.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="891"/>
        <source>区中心退回补正：请联系申请人补齐后继续受理，重新上报。</source>
        <translation>Returned for correction by the district center: contact the applicant, continue intake once the materials are complete, and escalate again.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="893"/>
        <source>已出具一次性告知单：申请人带齐材料后继续受理。</source>
        <translation>One-time notice issued: continue intake when the applicant brings the materials.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="895"/>
        <source>收件尚未完成：继续受理，或按申请人意愿撤回。</source>
        <translation>Intake not finished: continue intake, or withdraw if the applicant wishes.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="899"/>
        <source>案件在区中心办理；申请人补交的容缺材料可在此登记。</source>
        <translation>The district is handling this case; deferred materials the applicant hands in can be recorded here.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="901"/>
        <source>案件在区中心办理，站点暂不能更改状态；结果同步后在此交付。</source>
        <translation>The case is at the district center; the station cannot change it now. Deliver the result here once it has synced.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="903"/>
        <source>案件已结束，无需办理。</source>
        <translation>The case is closed; nothing to do.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="904"/>
        <source>当前没有可办理的操作。</source>
        <translation>No actions available now.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="967"/>
        <source>请选择评价等级（1–5）。</source>
        <translation>Choose a rating (1–5).</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1003"/>
        <source>请填写撤回原因。</source>
        <translation>Enter the reason for withdrawal.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1010"/>
        <source>已撤回。</source>
        <translation>Withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1027"/>
        <source>已登记补交 {n} 项容缺材料。</source>
        <translation>{n} deferred material(s) recorded as handed in.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1034"/>
        <source>已上报区级，联网后同步到区中心。</source>
        <translation>Escalated to district; it will sync to the district center when online.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1068"/>
        <source>正在办理…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="1103"/>
        <source>正在生成文书…</source>
        <translation>Generating documents…</translation>
    </message>
</context>
<context>
    <name>CaseLookupBar</name>
    <message>
        <location filename="../../ui/station/intake/lookup.py" line="40"/>
        <source>补正调取：办件编号 / 扫描告知单二维码 / 身份证号，回车</source>
        <translation>Supplement: case number / scan notice QR code / ID number, Enter</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/lookup.py" line="42"/>
        <location filename="../../ui/station/intake/lookup.py" line="53"/>
        <source>调取办件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/lookup.py" line="80"/>
        <source>{no}  {matter}  {state}  {day} 收件</source>
        <translation>{no}  {matter}  {state}  received {day}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/lookup.py" line="88"/>
        <source>该申请人有 {n} 件待补正的办件，请选择：</source>
        <translation>This applicant has {n} cases awaiting supplement. Choose one:</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="174"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="174"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="174"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="174"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="175"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="175"/>
        <source>受理日期</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="175"/>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="176"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="179"/>
        <source>点击排序</source>
        <translation>Click to sort</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="180"/>
        <source>此列不排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="204"/>
        <location filename="../../ui/station/cases_page.py" line="480"/>
        <source> 暂定</source>
        <translation> provisional</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="206"/>
        <location filename="../../ui/station/cases_page.py" line="481"/>
        <source> 暂停</source>
        <translation> paused</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="230"/>
        <source>区中心拒收了该案件的 {n} 个事件，请在详情中查看原因。</source>
        <translation>The district center rejected events of this case ({n}); see the details for the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="233"/>
        <source>证件号码已遮蔽；完整号码见申请人页面。</source>
        <translation>ID number masked; the full number is on the Applicants page.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="240"/>
        <source>退回补正期间不计时，补正后重新上报时期限顺延。</source>
        <translation>The clock stops while returned for correction; the deadline is extended on re-escalation.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="242"/>
        <source>退回时已{level}。</source>
        <translation>Already {level} when returned.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="246"/>
        <source>超期：已超过 {n} 个工作日</source>
        <translation>Overdue: {n} working days past due</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="248"/>
        <source>{level}：剩余 {n} 个工作日</source>
        <translation>{level}: {n} working days left</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="251"/>
        <source>暂定：该年度节假日安排尚未公布，按周一至周五推算，公布后自动重算。</source>
        <translation>Provisional: that year&apos;s public holidays are not published yet; counted Monday to Friday and recalculated automatically once published.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_table_model.py" line="253"/>
        <source>已办结或已作出决定</source>
        <translation>Completed or decided</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/common/case_view.py" line="104"/>
        <source>概况</source>
        <extracomment>The pane shows a case (its number or id; &quot;&quot; when cleared). An action changed the case (its number or id). An action failed (plain words).</extracomment>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_view.py" line="105"/>
        <source>办理进程</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_view.py" line="106"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/common/case_view.py" line="107"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/station/cases_page.py" line="189"/>
        <source>搜索：办件编号、申请人姓名或证件号码（Ctrl+F）</source>
        <extracomment>Quiet time after typing before the search runs. Quiet time after the selection moves before the detail pane loads. The case shown in the detail pane changed (case number, &quot;&quot; for none).</extracomment>
        <translation>Search: case number, applicant name or ID number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="193"/>
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="195"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="196"/>
        <source>未结束</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="200"/>
        <location filename="../../ui/station/cases_page.py" line="365"/>
        <source>全部事项</source>
        <translation>All matters</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="205"/>
        <location filename="../../ui/station/cases_page.py" line="223"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="205"/>
        <source>预警或超期</source>
        <translation>Warning or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="206"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="206"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="207"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="210"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="210"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="211"/>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="211"/>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="212"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="212"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="223"/>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="224"/>
        <source>被拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="226"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="234"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="235"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="236"/>
        <source>督办</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="237"/>
        <source>收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="243"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="401"/>
        <source>没有符合条件的办件。可以清除筛选，或换个搜索词。</source>
        <translation>No matching cases. Clear the filters or try another search.</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="402"/>
        <source>本站还没有办件。</source>
        <translation>This station has no cases yet.</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="411"/>
        <source>找到 {n} 件</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="411"/>
        <source>共 {n} 件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="413"/>
        <source>（已载入 {n}）</source>
        <translation> ({n} loaded)</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="414"/>
        <source>最近变动在前</source>
        <translation>Recently changed first</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="414"/>
        <source>按办件编号</source>
        <translation>By case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="415"/>
        <source>按状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="415"/>
        <source>按事项</source>
        <translation>By matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/cases_page.py" line="416"/>
        <source>按办结期限</source>
        <translation>By due date</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="468"/>
        <source>正在加载事项目录…</source>
        <extracomment>The clerk chose a matter (Enter or double-click); carries the Matter. The matter shown in the guide changed; carries the Matter or None. A consultation (咨询登记) was stored; carries the ConsultationEntry. The 办事指南 PDF is made and its preview opened; carries the PDF bytes.</extracomment>
        <translation>Loading the matter catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="492"/>
        <source>搜索：事项名称、实施编码或拼音首字母（如 dbsq）</source>
        <translation>Search: matter name, code or pinyin initials (e.g. dbsq)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="512"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="556"/>
        <source>打印办事指南</source>
        <translation>Print service guide</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="557"/>
        <source>生成本事项的办事指南并预览；打印或另存后登记为一次咨询</source>
        <translation>Make this matter&apos;s service guide and preview it; printing or saving it registers a consultation</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="560"/>
        <source>咨询备注（可选，不记姓名、证件号码、电话）</source>
        <translation>Consultation note (optional; no names, ID numbers or phone numbers)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="561"/>
        <source>登记咨询</source>
        <translation>Register consultation</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="562"/>
        <source>只登记一次咨询（事项、时间、经办人），不打印</source>
        <translation>Register a consultation only (matter, time, clerk), without printing</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="612"/>
        <source>办事指南 — {name}</source>
        <translation>Service guide — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="615"/>
        <source>办事指南已生成：打印或另存后登记为一次咨询。</source>
        <translation>Service guide ready: printing or saving it registers a consultation.</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="619"/>
        <source>正在生成办事指南…</source>
        <translation>Making the service guide…</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="649"/>
        <source>（已打印办事指南）</source>
        <translation> (service guide printed)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="650"/>
        <source>（办事指南已另存为 PDF）</source>
        <translation> (service guide saved as PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="651"/>
        <source>已登记咨询：{name}{how}</source>
        <translation>Consultation registered: {name}{how}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="692"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="718"/>
        <source>找到 {n} 项</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="718"/>
        <source>共 {n} 项</source>
        <translation>{n} matters</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/district/password.py" line="98"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="251"/>
        <source>申请材料</source>
        <extracomment>Days between today and the default promise date of a 容缺后补 item. Emitted after any mark changed (status, promise date).</extracomment>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="251"/>
        <source>要求</source>
        <translation>Necessity</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="251"/>
        <source>形式与份数</source>
        <translation>Form and copies</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="251"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="252"/>
        <source>承诺补交日期</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="304"/>
        <source>（{c}）</source>
        <translation>({c})</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="306"/>
        <source>区中心退回要求补正</source>
        <translation>Returned for correction by the district center</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="316"/>
        <source>扫描件 {n}</source>
        <translation>Scans: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="323"/>
        <source>受理标准：{r}</source>
        <translation>Acceptance standard: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="325"/>
        <source>补正要求：{r}</source>
        <translation>Correction required: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="327"/>
        <source>证照库：{d} 由 {who} 核验</source>
        <translation>Documents on file: verified {d} by {who}</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="444"/>
        <source>选择事项后，这里列出该事项的全部申请材料，逐项核对。</source>
        <extracomment>The current material changed (carries the key, or &quot;&quot; when none).</extracomment>
        <translation>Once a matter is chosen, all its application materials are listed here to check one by one.</translation>
    </message>
</context>
<context>
    <name>ChecklistWords</name>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="349"/>
        <source>必要</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="349"/>
        <source>非必要</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="350"/>
        <location filename="../../ui/station/intake/checklist.py" line="357"/>
        <source>容缺后补</source>
        <translation>Deferred (bring later)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="350"/>
        <source>信息免交</source>
        <translation>From shared data</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="355"/>
        <source>未收</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="356"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="356"/>
        <source>证照库</source>
        <translation>On file</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="357"/>
        <source>共享获取</source>
        <translation>Shared data</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="358"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="359"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="365"/>
        <source>原件或复印件{n}份</source>
        <translation>{n} original or copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="368"/>
        <source>原件{n}份</source>
        <translation>{n} original</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/checklist.py" line="370"/>
        <source>复印件{n}份</source>
        <translation>{n} copy</translation>
    </message>
</context>
<context>
    <name>ConflictActions</name>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="52"/>
        <source>已在 {case_no} 的当前版本上重做，下次同步时推送。</source>
        <translation>Redone on the current version of {case_no}; pushed at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="53"/>
        <source>已放弃 {case_no} 上本机的操作（仍保留在记录中）。</source>
        <translation>This PC&apos;s steps on {case_no} were discarded (they stay on record).</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="75"/>
        <source>在当前版本上重做</source>
        <extracomment>A conflict was resolved (the outcome worded); the pane reloads and shows it.</extracomment>
        <translation>Redo on the current version</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="77"/>
        <source>把本机的操作作为新的步骤办在案件的当前版本上（按当前状态重新检查），下次同步时推送。</source>
        <translation>Record this PC&apos;s steps again as new steps on the case&apos;s current version (checked against its current state); pushed at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="79"/>
        <source>放弃本机操作</source>
        <translation>Discard this PC&apos;s steps</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="80"/>
        <source>案件保持现状；本机的操作仍保留在记录中。</source>
        <translation>The case stays as it is; this PC&apos;s steps stay on record.</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="114"/>
        <source>同步冲突：两个窗口离线办理了本案，另一窗口（或区中心）先同步，已办理第 {seq} 步；本机的操作未被区中心接收，已原样保留。</source>
        <translation>Sync conflict: two counters worked on this case offline. The other counter (or the district) synced first and took step {seq}; this PC&apos;s steps were not accepted by the district and are kept as they were.</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="119"/>
        <source>区中心的答复：</source>
        <translation>District&apos;s answer: </translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="120"/>
        <source>案件当前版本（已接收）</source>
        <translation>The case now (accepted)</translation>
    </message>
    <message>
        <location filename="../../ui/station/conflict_banner.py" line="121"/>
        <source>本机未被接收的操作</source>
        <translation>This PC&apos;s steps not accepted</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/station/customer_display.py" line="79"/>
        <source>便民服务站 · 服务评价</source>
        <extracomment>How long the thanks stay before the welcome comes back. The movable window&apos;s size when there is no second screen. The view shown changed (its Showing value), for tests and screenshots.</extracomment>
        <translation>Service station · Your rating</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="174"/>
        <source>欢迎办理！</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="176"/>
        <source>窗口人员为您办理时，这里显示办理的事项和材料。</source>
        <translation>While staff handle your application, its matter and materials are shown here.</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="183"/>
        <source>（尚未选择事项）</source>
        <translation>(no matter chosen yet)</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="184"/>
        <source>办理事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="193"/>
        <source>（{day} 前补交）</source>
        <translation> (to bring by {day})</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="200"/>
        <source>申请材料</source>
        <translation>Application materials</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="207"/>
        <source>请补齐以下 {n} 项材料后再来办理</source>
        <translation>Please bring these {n} items to continue</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="217"/>
        <source>以上为需要补齐的全部材料（一次性告知），详见一次性告知单。</source>
        <translation>This is everything still needed (one-time notice); see the printed notice for details.</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="224"/>
        <source>请您对本次服务作出评价</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="234"/>
        <source>评价由您本人作出，每件办件评价一次。</source>
        <translation>Your own rating, once per case.</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="249"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/station/customer_display.py" line="260"/>
        <source>评价未能保存，请告知窗口人员。</source>
        <translation>Your rating could not be saved; please tell the staff.</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="90"/>
        <source>受理并出具回执  F9</source>
        <translation>Accept + receipt  F9</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="91"/>
        <source>一次性告知  F10</source>
        <translation>One-time notice  F10</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="92"/>
        <source>不予受理  F11</source>
        <translation>Refuse  F11</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="93"/>
        <source>当场办结  F12</source>
        <translation>Complete now  F12</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="94"/>
        <source>补正后重新上报  F9</source>
        <translation>Re-escalate  F9</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="96"/>
        <source>受理（Ctrl+Enter 或 F9）</source>
        <translation>Accept (Ctrl+Enter or F9)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="109"/>
        <source>说明首次告知为何未列出这些材料（将报区中心监察）</source>
        <translation>Why the first notice did not list these (reported to district supervision)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="117"/>
        <source>如《社会救助暂行办法》第十一条</source>
        <translation>E.g. Interim Measures for Social Assistance, Article 11</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="119"/>
        <source>出具不予受理通知书</source>
        <translation>Issue refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="120"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="124"/>
        <source>办结后由申请人本人在评价屏上评价。</source>
        <translation>After completion, the applicant rates on the customer display.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="158"/>
        <source>增加告知材料的理由 *</source>
        <translation>Reason for added items *</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="167"/>
        <source>理由 *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="168"/>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="186"/>
        <source>先完成：</source>
        <translation>Complete first: </translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="187"/>
        <source>先填写：</source>
        <translation>Fill in first: </translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="189"/>
        <source>尚缺 {n} 项必要材料，不能受理；请出具一次性告知单。</source>
        <translation>Required materials missing: {n}. Cannot accept; issue a one-time notice.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="199"/>
        <source>材料已齐全，应当场受理，不能出具补正告知。</source>
        <translation>Materials complete: accept now; a supplement notice is not allowed.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="202"/>
        <source>再次告知增加了首次未列出的材料，须填写理由。</source>
        <translation>This notice adds materials not on the first notice; a reason is required.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="207"/>
        <source>退回补正的材料尚未收齐：</source>
        <translation>Correction materials still missing: </translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="233"/>
        <source>左侧信息填写完整后才能作出决定（见“还需填写”）。</source>
        <translation>Complete the details on the left before deciding (see &quot;Still to fill in&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="248"/>
        <source>已收 {n} 项</source>
        <translation>{n} received</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="250"/>
        <source>（其中证照库 {m} 项）</source>
        <translation> ({m} on file)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="254"/>
        <source>区中心要求补正 {n} 项</source>
        <translation>Corrections required by district: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="257"/>
        <source>补正材料已收齐，可以重新上报。</source>
        <translation>Correction materials complete; ready to re-escalate.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="259"/>
        <source>尚缺 {n} 项</source>
        <translation>{n} missing</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="262"/>
        <source>必要材料已收齐，可以受理。</source>
        <translation>Required materials complete; ready to accept.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="264"/>
        <source>容缺后补 {n} 项</source>
        <translation>{n} deferred (bring later)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="266"/>
        <source>{name}（承诺 {d} 前补交）</source>
        <translation>{name} (promised by {d})</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="270"/>
        <source>首次告知未列出（一次性告知原则）</source>
        <translation>Not on the first notice (one-time notice rule)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="274"/>
        <source>还需填写</source>
        <translation>Still to fill in</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/decision.py" line="318"/>
        <source>不予受理必须写明理由：请选择或输入。</source>
        <translation>A refusal needs a reason: choose or type one.</translation>
    </message>
</context>
<context>
    <name>DetailRenderer</name>
    <message>
        <location filename="../../ui/station/case_detail.py" line="215"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="216"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="217"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="218"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="219"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="220"/>
        <source>办理层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="220"/>
        <source>上报区级</source>
        <translation>Escalated to district</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="221"/>
        <source>站点办结</source>
        <translation>Completed at station</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="222"/>
        <source>收件时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="223"/>
        <source>受理时间</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="224"/>
        <source>承诺时限</source>
        <translation>Committed time</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="224"/>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="225"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="226"/>
        <source>当前负责</source>
        <translation>Current owner</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="226"/>
        <location filename="../../ui/station/case_detail.py" line="373"/>
        <source>区中心</source>
        <translation>District center</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="227"/>
        <source>本站</source>
        <translation>This station</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="248"/>
        <source>即办（当场办结）</source>
        <translation>Instant (completed on the spot)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="249"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="257"/>
        <source>暂定</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="263"/>
        <source>退回补正期间不计时，补正后重新上报时期限顺延。</source>
        <translation>The clock stops while returned for correction; the deadline is extended on re-escalation.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="266"/>
        <source>已超期 {n} 个工作日</source>
        <translation>Overdue by {n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="268"/>
        <source>剩余 {n} 个工作日</source>
        <translation>{n} working days left</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="281"/>
        <source>（未附说明）</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="313"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="313"/>
        <source>不予批准</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="314"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="321"/>
        <source>决定人：{who}</source>
        <translation>Decided by: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="324"/>
        <source>已交付：{when}，{how}</source>
        <translation>Delivered: {when}, {how}</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="342"/>
        <source>差评须由区中心在15个工作日内跟进整改。</source>
        <translation>The district center must follow up a bad rating within 15 working days.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="343"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="346"/>
        <source>评价渠道：</source>
        <translation>Rating channel: </translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="363"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="333"/>
        <source>好差评</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="356"/>
        <source>留言</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="282"/>
        <source>&lt;b&gt;区中心退回补正&lt;/b&gt;（{who}）：{note}</source>
        <translation>&lt;b&gt;Returned for correction by the district center&lt;/b&gt; ({who}): {note}</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="293"/>
        <source>不予受理理由</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="297"/>
        <source>依据：</source>
        <translation>Legal basis: </translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="305"/>
        <source>撤回原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="327"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="335"/>
        <source>尚未评价。</source>
        <translation>Not rated yet.</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="345"/>
        <source>评价意见：</source>
        <translation>Comments: </translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="376"/>
        <source>被拒</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="378"/>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="379"/>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="384"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="384"/>
        <source>必要性</source>
        <translation>Necessity</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="384"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="384"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="385"/>
        <source>扫描件</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="392"/>
        <source>{day} 补交（承诺 {promise}）</source>
        <translation>handed in {day} (promised {promise})</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="400"/>
        <source>承诺 {day} 前补交</source>
        <translation>Promised by {day}</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="404"/>
        <source>原件{n}份</source>
        <translation>{n} original</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="406"/>
        <source>复印件{n}份</source>
        <translation>{n} copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="419"/>
        <source>{n} 份（{kinds}）</source>
        <translation>{n} ({kinds})</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="426"/>
        <source>容缺后补</source>
        <translation>Deferred (bring later)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="425"/>
        <source>必要</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="425"/>
        <source>非必要</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="427"/>
        <source>信息免交</source>
        <translation>From shared data</translation>
    </message>
</context>
<context>
    <name>DistrictCaseView</name>
    <message>
        <location filename="../../ui/district/case.py" line="80"/>
        <source>&lt;span style=&apos;color:#5f6368&apos;&gt;在上方列表中选择一个案件，查看材料、办理进程和站点文书。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#5f6368&apos;&gt;Select a case in the list above to see its materials, history and the station&apos;s documents.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="141"/>
        <source>查看完整号码的理由：</source>
        <translation>Reason for viewing the full numbers:</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="144"/>
        <source>例如：核对申请人身份（记入访问日志）</source>
        <translation>e.g. checking the applicant&apos;s identity (recorded in the access log)</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="147"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="150"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="217"/>
        <source>请写明查看完整号码的理由。</source>
        <translation>Please state why you need the full numbers.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="253"/>
        <source>没有执行：这个案件刚刚被别人处理过（{why}）。已为您刷新到最新状态，请查看后重新决定。</source>
        <translation>Not done: someone else has just acted on this case ({why}). It has been refreshed to its current state; please look again and decide.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="259"/>
        <source>已接件。</source>
        <translation>Taken.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="259"/>
        <source>已指派代办员。</source>
        <translation>Proxy agent assigned.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="260"/>
        <source>已记录代办进展。</source>
        <translation>Step recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="261"/>
        <source>已退回站点补正；站点同步后即可看到。</source>
        <translation>Returned for correction; the station sees it with its next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="262"/>
        <source>特别程序已开始，暂停计时。</source>
        <translation>Special procedure started; the clock is paused.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="263"/>
        <source>特别程序已结束，期限已顺延。</source>
        <translation>Special procedure ended; the due date moved.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="264"/>
        <source>已准予；结果将在站点同步后交付。</source>
        <translation>Approved; the station hands the result over after its next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="265"/>
        <source>已不予批准；结果将在站点同步后交付。</source>
        <translation>Denied; the station hands the result over after its next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/district/case.py" line="266"/>
        <source>留言已发送。</source>
        <translation>Comment sent.</translation>
    </message>
</context>
<context>
    <name>DistrictLoginPage</name>
    <message>
        <location filename="../../ui/district/login.py" line="30"/>
        <source>区政务服务中心 · 工作人员登录</source>
        <translation>District service center · staff sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="31"/>
        <source>审核人员、代办员和管理员使用</source>
        <translation>For reviewers, proxy agents and administrators</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="38"/>
        <source>记住我（登录令牌保存在系统密钥环中）</source>
        <translation>Remember me (the sign-in token is kept in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="40"/>
        <source>留空：使用系统信任的证书</source>
        <translation>Empty: the system&apos;s trusted certificates</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="41"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="49"/>
        <source>本机没有可用的系统密钥环（keyring），无法“记住我”：登录令牌不会保存，下次启动需要重新输入密码。如需记住登录，请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定后端。</source>
        <translation>This computer has no usable system keyring, so “remember me” is not available: the sign-in token is not kept and you type your password again next time. To remember sign-ins, enable the system&apos;s credential store (Windows Credential Manager, macOS Keychain, Linux Secret Service) or choose a backend with the PYTHON_KEYRING_BACKEND environment variable.</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="55"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="56"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="57"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="59"/>
        <source>CA 证书</source>
        <translation>CA certificates</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="61"/>
        <location filename="../../ui/district/login.py" line="81"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="81"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="90"/>
        <source>选择 CA 证书文件</source>
        <translation>Choose a CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="91"/>
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="98"/>
        <source>服务器地址须以 https:// 或 http:// 开头。</source>
        <translation>The server address must start with https:// or http://.</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="102"/>
        <source>请输入用户名。</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../../ui/district/login.py" line="106"/>
        <source>请输入密码。</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>DistrictRecallBox</name>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="48"/>
        <source>申请人本人到窗口办理</source>
        <translation>The applicant in person at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="48"/>
        <source>代理人受托代为办理</source>
        <translation>An agent acting for the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="49"/>
        <source>查看完整信息的理由（记入区中心访问日志）</source>
        <translation>Why the full record is opened (kept in the district&apos;s access log)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="50"/>
        <source>显示完整信息</source>
        <translation>Show full record</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="58"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="75"/>
        <source>区内已有记录（全区通办）：{name}  {id_no}  {mobile}</source>
        <translation>Known in the district: {name}  {id_no}  {mobile}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="79"/>
        <source>· {doc}：{station} {day} 核验</source>
        <translation>· {doc}: verified at {station} on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="83"/>
        <source>区内暂无已核验的证照。</source>
        <translation>No verified documents in the district yet.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="88"/>
        <source>显示完整信息将填入申请人资料，并把上述证照记为区内已核验；查看记入区中心访问日志。</source>
        <translation>Show full record fills in the applicant and keeps the documents above as verified in the district; the view is kept in the district&apos;s access log.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/district_recall.py" line="115"/>
        <source>请写明查看完整信息的理由。</source>
        <translation>Please give the reason for opening the full record.</translation>
    </message>
</context>
<context>
    <name>DistrictRenderer</name>
    <message>
        <location filename="../../ui/district/render.py" line="108"/>
        <source>特别程序中</source>
        <translation>In special procedure</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="131"/>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="131"/>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="138"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="138"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="139"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="139"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="140"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="140"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="141"/>
        <source>受理时间</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="141"/>
        <source>承诺时限</source>
        <translation>Committed limit</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="142"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="143"/>
        <source>办结期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="143"/>
        <source>代办员</source>
        <translation>Proxy agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="160"/>
        <source>暂定</source>
        <translation>provisional</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="166"/>
        <source>特别程序期间不计时，结束时期限顺延。</source>
        <translation>The clock stops during the special procedure; the due date moves when it ends.</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="177"/>
        <source>第 {n} 次退回补正（{who}）</source>
        <translation>Return {n} ({who})</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="178"/>
        <source>（未附说明）</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="208"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="208"/>
        <source>不予批准</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="209"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="215"/>
        <source>决定人：{who}</source>
        <translation>Decided by: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="218"/>
        <source>站点已交付：{when}</source>
        <translation>Handed over by the station: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="231"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="232"/>
        <source>差评须在15个工作日内跟进整改（见“好差评”页）。</source>
        <translation>A bad rating must be followed up within 15 working days (see the Ratings page).</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="234"/>
        <source>评价意见：</source>
        <translation>Comment: </translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="277"/>
        <source>{day} 补交（承诺 {promise}）</source>
        <translation>handed in {day} (promised {promise})</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="319"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="248"/>
        <source>区中心</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="268"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="268"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="268"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="268"/>
        <source>扫描件</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="282"/>
        <source>承诺 {day} 前补交</source>
        <translation>Promised by {day}</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="286"/>
        <source>原件{n}份</source>
        <translation>{n} original(s)</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="288"/>
        <source>复印件{n}份</source>
        <translation>{n} cop(ies)</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="316"/>
        <source>站点尚未出具文书。</source>
        <translation>The station has not issued any documents yet.</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="317"/>
        <source>再次告知（新增告知项，已报监察）</source>
        <translation>Further notice (new items, reported to supervision)</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="318"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="318"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/district/render.py" line="326"/>
        <source>站点打印的文书（编号与种类）；原件在站点存档。</source>
        <translation>Documents the station printed (kind and number); the originals are filed at the station.</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <location filename="../../ui/district/window.py" line="187"/>
        <source>StationDesk 区政务服务中心</source>
        <translation>StationDesk District Service Center</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="190"/>
        <source>正在连接区中心…</source>
        <translation>Connecting to the district…</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="195"/>
        <source>管理员为您设置了一次性密码。请先设置自己的新密码，然后才能开始工作。</source>
        <translation>An administrator set a one-time password for you. Choose your own new password before you start working.</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="230"/>
        <source>登录已过期，请重新登录。</source>
        <translation>Your sign-in has expired; please sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="268"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="270"/>
        <source>区中心：{server}</source>
        <translation>District: {server}</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="299"/>
        <location filename="../../ui/district/window.py" line="309"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="319"/>
        <source>审核队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="319"/>
        <source>我的代办</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="320"/>
        <source>电子监察</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="320"/>
        <source>好差评</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="321"/>
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="321"/>
        <source>站点与设备</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="322"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="322"/>
        <source>事项与节假日</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="323"/>
        <source>安全日志</source>
        <translation>Security log</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="370"/>
        <location filename="../../ui/district/window.py" line="418"/>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="372"/>
        <source>● 未连接</source>
        <translation>● Not connected</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="375"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="379"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="392"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="396"/>
        <source>更新于 {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="399"/>
        <source>● 连接中断</source>
        <translation>● Connection lost</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="430"/>
        <source>登录已失效，请重新登录（{why}）。</source>
        <translation>Your sign-in is no longer valid; please sign in again ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/district/window.py" line="434"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="52"/>
        <source>登记到区中心</source>
        <translation>Enroll with the district</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="54"/>
        <source>输入区中心地址和区中心管理员给出的一次性登记码。登记后本机的设备令牌保存在系统钥匙串中，办件在后台自动同步。</source>
        <translation>Enter the district service&apos;s address and the one-time enrollment code from the district administrator. The device token is then kept in the system keyring and cases sync in the background.</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="60"/>
        <source>例如 ABCD-EFGH-JKLM</source>
        <translation>e.g. ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="64"/>
        <source>例如 2号窗口</source>
        <translation>e.g. Window 2</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="68"/>
        <source>本站每台电脑一个不同的号，是本机案件编号和文书编号的一部分，离线办件也不会重号。</source>
        <translation>Each PC of the station gets its own number; it is part of this PC&apos;s case and document numbers, so numbers never collide, even offline.</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="71"/>
        <source>区中心地址</source>
        <translation>District address</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="72"/>
        <source>登记码</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="73"/>
        <source>本机名称</source>
        <translation>This PC&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="74"/>
        <source>本机窗口号</source>
        <translation>This PC&apos;s window number</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="80"/>
        <source>登记</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="83"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/enroll_dialog.py" line="96"/>
        <source>请填写区中心地址和登记码。</source>
        <translation>Enter the district address and the enrollment code.</translation>
    </message>
</context>
<context>
    <name>FormFieldsPanel</name>
    <message>
        <location filename="../../ui/station/intake/form.py" line="53"/>
        <source>选择事项后，这里显示该事项需要采集的信息。</source>
        <translation>Once a matter is chosen, the information it requires is shown here.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="61"/>
        <source>本事项无需另外采集信息。</source>
        <translation>This matter needs no further information.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="86"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="96"/>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="105"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="183"/>
        <source>请填写“{label}”</source>
        <translation>Fill in &quot;{label}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="189"/>
        <location filename="../../ui/station/intake/form.py" line="196"/>
        <source>{label}：{msg}</source>
        <translation>{label}: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="191"/>
        <source>身份证号码未输入完整</source>
        <translation>ID number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/form.py" line="198"/>
        <source>{label}：金额格式应为整数或最多两位小数</source>
        <translation>{label}: amount must be a whole number or have at most two decimals</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <location filename="../../ui/common/id_input.py" line="199"/>
        <location filename="../../ui/common/id_input.py" line="222"/>
        <source>18位公民身份号码，可扫描证件</source>
        <translation>18-digit ID number, or scan the card</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="229"/>
        <source>18位，以810000、820000或830000开头</source>
        <translation>18 characters, starting 810000, 820000 or 830000</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="230"/>
        <source>15位（3个字母+12位数字）或18位（以9开头）</source>
        <translation>15 characters (3 letters + 12 digits) or 18 (starting with 9)</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="231"/>
        <source>H或M加8位或10位数字</source>
        <translation>H or M + 8 or 10 digits</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="232"/>
        <source>8位数字</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="233"/>
        <source>国家代码+护照号码，如 CHN E12345678</source>
        <translation>Country code + passport number, e.g. CHN E12345678</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="308"/>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="308"/>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="309"/>
        <source>号码有效 · {sex} · 出生于 {birth}</source>
        <translation>Valid · {sex} · born {birth}</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="312"/>
        <source>号码格式有效 · {doc}</source>
        <translation>Valid format · {doc}</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="314"/>
        <source>已输入 {n}/18 位</source>
        <translation>{n}/18 digits</translation>
    </message>
    <message>
        <location filename="../../ui/common/id_input.py" line="315"/>
        <source>已输入 {n} 位</source>
        <translation>{n} characters entered</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/station/intake/page.py" line="156"/>
        <source>新收件  Ctrl+N</source>
        <extracomment>Quiet time after the last change before the draft is written. A decision still running after this long shows the form greyed (see _set_busy). After a decision, how long the form&apos;s repaint waits for the preview&apos;s page to paint. Documents of a decision, rendered and opened in the preview (list[PrintedDocument]). A decision was committed on this case number. A case was loaded for a supplement (case number). The known-person lookup for the typed ID number finished. The district answered (or could not) about an ID number unknown here (全区通办). The full record of a person was fetched from the district and kept here. The draft was written (or cleared because the form is empty). The catalog, recent matters and any draft were loaded after attach. The warm-up after `ready` has run (ui.station.intake.warm).</extracomment>
        <translation>New intake  Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="176"/>
        <source>空格/回车：已收 ⇄ 缺&#x3000;F2：更多状态（证照库、共享获取、容缺后补、不适用）</source>
        <translation>Space/Enter: Received ⇄ Missing   F2: more (on file, shared data, deferred, N/A)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="178"/>
        <source>显示全部材料</source>
        <translation>Show all materials</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="180"/>
        <location filename="../../ui/station/intake/page.py" line="810"/>
        <source>附扫描件…  Ctrl+U</source>
        <translation>Attach scan…  Ctrl+U</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="182"/>
        <source>为选中的材料附上扫描件（PDF、PNG 或 JPEG，不超过 10 MB），随案件同步到区中心</source>
        <translation>Attach a scan to the selected material (PDF, PNG or JPEG, at most 10 MB); it is synced to the district with the case</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="198"/>
        <source>1  事项</source>
        <translation>1  Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="199"/>
        <source>2  申请人</source>
        <translation>2  Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="200"/>
        <source>3  申请信息</source>
        <translation>3  Application details</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="223"/>
        <source>4  申请材料</source>
        <translation>4  Materials</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="322"/>
        <source>正在加载事项目录…</source>
        <translation>Loading the matter catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="462"/>
        <source>区中心暂时无法查询，已按本站资料调取（{why}）。</source>
        <translation>The district cannot be asked right now; using this station&apos;s records ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="465"/>
        <source>区内也没有此人的记录。</source>
        <translation>The district does not know this person either.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="508"/>
        <source>有代理人：已将“{names}”列为需提交的材料。</source>
        <translation>Agent present: &quot;{names}&quot; added to the required materials.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="524"/>
        <source>选择事项</source>
        <translation>Choose a matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="573"/>
        <source>受理标准：{r}</source>
        <translation>Acceptance standard: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="575"/>
        <source>补正要求：{r}</source>
        <translation>Correction required: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="641"/>
        <source>该申请人没有待补正或退回补正的办件；可在下方新收件。</source>
        <translation>This applicant has no cases awaiting supplement or returned for correction; start a new intake below.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="711"/>
        <source>补正</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="711"/>
        <source>退回补正</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="715"/>
        <source>首次告知 {d} 列出 {n} 项</source>
        <translation>First notice {d}: {n} listed</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="719"/>
        <source>区中心退回：{note}</source>
        <translation>Returned by district center: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="721"/>
        <source>Ctrl+N 返回新收件</source>
        <translation>Ctrl+N back to new intake</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="761"/>
        <source>正在办理并生成文书…</source>
        <translation>Processing and generating documents…</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="770"/>
        <source>请先在材料清单中选中一项材料。</source>
        <translation>Select a material in the checklist first.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="775"/>
        <source>选择扫描件</source>
        <translation>Choose a scan</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="775"/>
        <source>扫描件 (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="790"/>
        <source>无法读取文件：{e}</source>
        <translation>Cannot read the file: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="800"/>
        <source>选中的材料没有扫描件。</source>
        <translation>The selected material has no scans.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="812"/>
        <source>移除扫描件  Ctrl+Shift+U</source>
        <translation>Remove scans  Ctrl+Shift+U</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="835"/>
        <source>正在办理…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="884"/>
        <source>已受理：办件编号 {no}，受理回执已生成。</source>
        <translation>Accepted: case number {no}; acceptance receipt generated.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="885"/>
        <source>已出具一次性告知单：办件编号 {no}，申请人补齐材料后凭告知单二维码调取。</source>
        <translation>One-time notice issued: case number {no}. When the applicant returns with the materials, open the case with the notice&apos;s QR code.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="887"/>
        <source>已出具不予受理通知书：办件编号 {no}。</source>
        <translation>Refusal notice issued: case number {no}.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="888"/>
        <source>已当场办结：办件编号 {no}，受理回执和办结通知已生成。</source>
        <translation>Completed on the spot: case number {no}; acceptance receipt and result notice generated.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="889"/>
        <source>已补正并重新上报区中心：办件编号 {no}。</source>
        <translation>Corrected and re-escalated to the district center: case number {no}.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="891"/>
        <source>已办理：办件编号 {no}。</source>
        <translation>Done: case number {no}.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="893"/>
        <source>本事项须上报区级：请在“办件”页上报。</source>
        <translation>This matter must be escalated to district: escalate it on the &quot;Cases&quot; page.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="904"/>
        <source>办件 {no} 已办理（{state}），但文书未能生成：{err} 可在“办件”页补打。</source>
        <translation>Case {no} was processed ({state}) but its documents could not be generated: {err} Reprint them on the &quot;Cases&quot; page.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/page.py" line="1014"/>
        <source>已恢复上次未完成的收件。</source>
        <translation>Restored the unfinished intake from last time.</translation>
    </message>
</context>
<context>
    <name>IntakeWork</name>
    <message>
        <location filename="../../ui/station/intake/work.py" line="334"/>
        <source>请输入办件编号、扫描告知单上的二维码，或输入申请人身份证号码。</source>
        <extracomment>States in which a returning applicant&apos;s case can be continued at the counter.</extracomment>
        <translation>Enter a case number, scan the QR code on the notice, or enter the applicant&apos;s ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/work.py" line="341"/>
        <source>二维码内容无法识别，请重新扫描或输入办件编号。</source>
        <translation>QR code not recognized. Scan again or enter the case number.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/work.py" line="345"/>
        <source>二维码校验不通过（与办件不符）。请核对告知单或输入办件编号。</source>
        <translation>QR code check failed (does not match the case). Check the notice or enter the case number.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/work.py" line="364"/>
        <source>无法识别：请输入办件编号（如 110108001001-20260302-0001）、扫描二维码，或输入18位身份证号码。</source>
        <translation>Not recognized: enter a case number (e.g. 110108001001-20260302-0001), scan the QR code, or enter an 18-digit ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/work.py" line="389"/>
        <source>办件 {no} 当前状态为“{state}”，不需要补正材料；请到“办件”页查看或办理。</source>
        <translation>Case {no} is &quot;{state}&quot; and needs no supplement; view or handle it on the &quot;Cases&quot; page.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/station/login_page.py" line="76"/>
        <source>工作台已锁定</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="80"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="81"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="84"/>
        <source>切换经办人</source>
        <translation>Switch clerk</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="92"/>
        <source>离开座位时自动锁定，未保存的收件内容已保留。经办人：{0}</source>
        <translation>Locked automatically while away; unsaved intake work has been kept. Clerk: {0}</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/station/login_page.py" line="26"/>
        <source>窗口人员登录</source>
        <translation>Counter staff sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="32"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="33"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="34"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="45"/>
        <source>{name}（{user}）</source>
        <translation>{name} ({user})</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="59"/>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/station/main_window.py" line="101"/>
        <source>StationDesk 便民服务站窗口工作台</source>
        <translation>StationDesk Service Station Counter</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="104"/>
        <source>正在打开本站数据…</source>
        <translation>Opening station data…</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="157"/>
        <source>本站数据已加密，但还没有恢复密钥：换电脑、重装系统或密钥环丢失后将无法打开本站数据和备份。&lt;a href=&quot;recovery&quot;&gt;现在生成恢复密钥&lt;/a&gt;（只显示一次，请打印恢复密钥单并锁柜保管）。</source>
        <translation>This station&apos;s data is encrypted but has no recovery key yet: on a new PC, after reinstalling the system or losing the keyring, its data and backups could not be opened. &lt;a href=&quot;recovery&quot;&gt;Make a recovery key now&lt;/a&gt; (shown only once: print the recovery key slip and keep it locked away).</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="167"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="168"/>
        <source>立即锁定</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="173"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="175"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="193"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="194"/>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="195"/>
        <source>待办</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="196"/>
        <source>申请人</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="197"/>
        <source>事项</source>
        <translation>Matters</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="198"/>
        <source>统计</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="199"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="200"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="249"/>
        <location filename="../../ui/station/main_window.py" line="689"/>
        <source>经办人：未登录</source>
        <translation>Clerk: not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="250"/>
        <source>站点：正在打开…</source>
        <translation>Station: opening…</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="291"/>
        <source>● 离线（未连接区中心）</source>
        <translation>● Offline (no district center)</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="255"/>
        <source>待同步事件：—</source>
        <translation>Unsynced events: —</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="253"/>
        <source>● 正在读取同步状态…</source>
        <translation>● Reading the sync status…</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="256"/>
        <source>上次同步：从未</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="279"/>
        <source>● 无法读取同步状态</source>
        <translation>● Sync status could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="287"/>
        <source>待同步事件：{0}</source>
        <translation>Unsynced events: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="288"/>
        <source>上次同步：{0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="289"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="293"/>
        <source>● 尚未同步</source>
        <translation>● Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="295"/>
        <source>● 在线（上次同步有 {0} 个问题）</source>
        <translation>● Online (last sync had {0} problem(s))</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="298"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="300"/>
        <source>● 离线（上次同步失败）</source>
        <translation>● Offline (last sync failed)</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="304"/>
        <source>● 数据库已损坏（已停止保存）</source>
        <translation>● Database damaged (saving stopped)</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="374"/>
        <source>站点：尚未设置</source>
        <translation>Station: not set up</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="422"/>
        <location filename="../../ui/station/main_window.py" line="432"/>
        <source>StationDesk 便民服务站窗口工作台 — {0}</source>
        <translation>StationDesk Service Station Counter — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="423"/>
        <location filename="../../ui/station/main_window.py" line="433"/>
        <source>站点：{0}（{1}）</source>
        <translation>Station: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="437"/>
        <source>站点：无法打开</source>
        <translation>Station: cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="441"/>
        <source>无法打开本站数据：
{0}</source>
        <translation>Cannot open the station data:
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="479"/>
        <source>用户名或密码不正确，或账号已停用。</source>
        <translation>Wrong user name or password, or the account is disabled.</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="489"/>
        <source>经办人：{0}</source>
        <translation>Clerk: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="611"/>
        <source>文书的出具机关尚未确认：当前以“{0}”的名义打印受理回执等文书。请管理员在&lt;a href=&quot;settings&quot;&gt;设置 → 出具机关&lt;/a&gt;中核对并保存。</source>
        <translation>The issuing authority is not confirmed yet: receipts and other documents are printed in the name of “{0}”. An administrator should check and save it in &lt;a href=&quot;settings&quot;&gt;Settings → Issuing authority&lt;/a&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="649"/>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>Password changed; use the new password next time you sign in.</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="677"/>
        <source>密码不正确。</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../ui/station/main_window.py" line="707"/>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MaskedValue</name>
    <message>
        <location filename="../../ui/common/widgets.py" line="242"/>
        <location filename="../../ui/common/widgets.py" line="275"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="275"/>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>MatterDetailRenderer</name>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="181"/>
        <source>受理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="184"/>
        <source>常见不予受理情形</source>
        <translation>Common reasons for refusal</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="185"/>
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="193"/>
        <source>没有找到匹配的事项</source>
        <translation>No matching matters</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="195"/>
        <source>换个说法试试：事项名称中的字、实施编码，或拼音首字母（如 dbsq 找低保）。</source>
        <translation>Try other words: characters from the matter name, its code, or pinyin initials (e.g. dbsq for 低保).</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="198"/>
        <source>选择一个事项，查看要带的材料和办理要求</source>
        <translation>Choose a matter to see the materials to bring and the requirements</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="200"/>
        <source>在搜索框输入事项名称、实施编码或拼音首字母，按 ↓ 进入列表，按 Enter 查看详情。</source>
        <translation>Type a matter name, code or pinyin initials in the search box, press ↓ to enter the list and Enter to see details.</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="213"/>
        <source>实施编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="213"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="215"/>
        <source>事项类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="217"/>
        <source>服务对象</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="221"/>
        <source>法定时限</source>
        <translation>Statutory time</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="223"/>
        <source>承诺时限</source>
        <translation>Committed time</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="226"/>
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="226"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="227"/>
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="227"/>
        <source>投诉电话</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="230"/>
        <source>时限说明</source>
        <translation>Time limit notes</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="231"/>
        <source>法定时限出处</source>
        <translation>Source of the legal limit</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="232"/>
        <source>办理地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="233"/>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="234"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="250"/>
        <source>申请材料（共 {n} 项，其中必要 {r} 项）</source>
        <translation>Materials ({n} items, {r} required)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="254"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="255"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="256"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="257"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="258"/>
        <source>必要性</source>
        <translation>Necessity</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="259"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="260"/>
        <source>适用条件</source>
        <translation>Applies when</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="273"/>
        <source>空白表格：{ref}</source>
        <translation>Blank form: {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="274"/>
        <source>示例样表：{ref}</source>
        <translation>Sample: {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="289"/>
        <source>受理标准：</source>
        <translation>Acceptance standard: </translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="302"/>
        <source>特别程序（不计入办理时限）</source>
        <translation>Special procedures (not counted in the time limit)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="309"/>
        <source>（* 为必填）</source>
        <translation>(* required)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="310"/>
        <source>需采集的信息</source>
        <translation>Information to collect</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="335"/>
        <source>法律法规未规定</source>
        <translation>Not set by law</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="336"/>
        <location filename="../../ui/station/catalog_page.py" line="341"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="340"/>
        <source>当场办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="345"/>
        <source>不收费</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="347"/>
        <source>{name} {amount} 元（{basis}）</source>
        <translation>{name} {amount} yuan ({basis})</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="355"/>
        <source>本站点咨询电话</source>
        <translation>This station&apos;s enquiry line</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="358"/>
        <source>第 {v} 版，{start} 起施行</source>
        <translation>Version {v}, in force from {start}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="360"/>
        <source>，{end} 废止</source>
        <translation>, repealed {end}</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="367"/>
        <source>原件{n}份</source>
        <translation>{n} original</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="369"/>
        <source>复印件{n}份</source>
        <translation>{n} copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="371"/>
        <source>或</source>
        <translation>or</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="377"/>
        <source>即办件</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="377"/>
        <source>承诺件</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="381"/>
        <source>站点办结</source>
        <translation>Completed at station</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="382"/>
        <source>上报区级</source>
        <translation>Escalate to district</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="387"/>
        <source>自然人</source>
        <translation>Individuals</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="388"/>
        <source>法人</source>
        <translation>Legal entities</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="389"/>
        <source>自然人、法人</source>
        <translation>Individuals, legal entities</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="394"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="395"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="396"/>
        <source>原件和复印件</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="397"/>
        <source>原件或复印件</source>
        <translation>Original or copy</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="402"/>
        <source>必要</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="403"/>
        <source>非必要</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="404"/>
        <source>容缺后补</source>
        <translation>Deferred (bring later)</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="405"/>
        <source>信息免交</source>
        <translation>From shared data</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="410"/>
        <source>申请人自备</source>
        <translation>Applicant provides</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="411"/>
        <source>政府部门核发</source>
        <translation>Issued by government</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="412"/>
        <source>电子证照</source>
        <translation>E-certificate</translation>
    </message>
</context>
<context>
    <name>MatterPicker</name>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="50"/>
        <source>输入事项名称、编码或拼音首字母（如 cjrz）</source>
        <extracomment>The chosen matter changed (a Matter, or None when cleared).</extracomment>
        <translation>Matter name, code or pinyin initials (e.g. cjrz)</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="139"/>
        <source>最近使用</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="148"/>
        <source>即办</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="148"/>
        <source>承诺{n}日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="183"/>
        <source>尚未选择事项</source>
        <translation>No matter chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="187"/>
        <source>即办件 · 当场办结</source>
        <translation>Instant · completed on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="189"/>
        <source>承诺件 · {n} 个工作日</source>
        <translation>Committed · {n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="190"/>
        <source>站点办结</source>
        <translation>Completed at station</translation>
    </message>
    <message>
        <location filename="../../ui/station/intake/matter.py" line="191"/>
        <source>上报区级</source>
        <translation>Escalate to district</translation>
    </message>
</context>
<context>
    <name>MatterTableModel</name>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="132"/>
        <source>事项名称</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="132"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="132"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="132"/>
        <source>承诺时限</source>
        <translation>Committed time</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="164"/>
        <source>即办</source>
        <translation>Instant</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="164"/>
        <source>承诺</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="166"/>
        <source>当场办结</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../ui/station/catalog_page.py" line="167"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../ui/district/password.py" line="43"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="44"/>
        <source>新密码（至少 8 位）</source>
        <translation>New password (8+ characters)</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="45"/>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="51"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="64"/>
        <source>请输入原密码。</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="67"/>
        <source>新密码至少 8 位。</source>
        <translation>The new password needs at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="70"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/district/password.py" line="75"/>
        <source>正在修改…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../ui/station/login_page.py" line="246"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="253"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="254"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="255"/>
        <source>再次输入新密码</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="256"/>
        <source>保存新密码</source>
        <translation>Save the new password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="259"/>
        <location filename="../../ui/station/login_page.py" line="271"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="267"/>
        <source>管理员为您重置了密码。请输入收到的一次性密码，并设置只有您知道的新密码（至少 8 位）。经办人：{0}</source>
        <translation>An administrator reset your password. Type the one-time password you received and choose a new password only you know (at least 8 characters). Clerk: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="269"/>
        <source>新密码至少 8 位。经办人：{0}</source>
        <translation>The new password needs at least 8 characters. Clerk: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="271"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="279"/>
        <source>请输入当前密码。</source>
        <translation>Type your current password.</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="283"/>
        <source>两次输入的新密码不一致，请重新输入。</source>
        <translation>The two new passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/common/print_preview.py" line="82"/>
        <source>打印预览 — {title}</source>
        <extracomment>Highest resolution pages are rendered at for printing (enough for text and QR codes). Height of one rendered band, in device pixels. Pages printed (after a successful print). Path written by 另存为.</extracomment>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="96"/>
        <source>打印…  Ctrl+P</source>
        <translation>Print…  Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="97"/>
        <source>全部打印</source>
        <translation>Print all</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="99"/>
        <source>另存为…  Ctrl+S</source>
        <translation>Save as…  Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="100"/>
        <source>关闭  Esc</source>
        <translation>Close  Esc</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="169"/>
        <source>文书无法显示（PDF 读取失败），可另存后查看。</source>
        <translation>Cannot display the document (PDF could not be read); save it and open it elsewhere.</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="205"/>
        <source>共 {n} 页</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="212"/>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="220"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="220"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="228"/>
        <source>保存失败：{err}。请换一个位置再试。</source>
        <translation>Save failed: {err}. Try another location.</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="237"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="246"/>
        <source>已送打印机：{n} 页</source>
        <translation>Pages sent to printer: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="261"/>
        <source>无法开始打印：请检查打印机是否可用。</source>
        <translation>Cannot start printing: check that the printer is available.</translation>
    </message>
</context>
<context>
    <name>ProxyPage</name>
    <message>
        <location filename="../../ui/district/proxy.py" line="28"/>
        <source>交付结果：准予 F9</source>
        <translation>Hand over: approve F9</translation>
    </message>
    <message>
        <location filename="../../ui/district/proxy.py" line="29"/>
        <source>交付结果：不予批准 F10</source>
        <translation>Hand over: deny F10</translation>
    </message>
    <message>
        <location filename="../../ui/district/proxy.py" line="68"/>
        <source>记录下一步：{step}</source>
        <translation>Record next step: {step}</translation>
    </message>
    <message>
        <location filename="../../ui/district/proxy.py" line="73"/>
        <source>选择一个案件，记录代办进展。</source>
        <translation>Select a case to record its steps.</translation>
    </message>
    <message>
        <location filename="../../ui/district/proxy.py" line="76"/>
        <source>{case}：已记录 {steps}</source>
        <translation>{case}: recorded {steps}</translation>
    </message>
    <message>
        <location filename="../../ui/district/proxy.py" line="77"/>
        <source>（尚无进展）</source>
        <translation>(no steps yet)</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="77"/>
        <source>新增</source>
        <extracomment>Where the change texts&apos; templates and labels are translated (clerk.catalog.changes).</extracomment>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="77"/>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="78"/>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="78"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="79"/>
        <source>文件中没有（保持已发布）</source>
        <translation>Not in file (stays published)</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="79"/>
        <source>替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="85"/>
        <source>事项目录</source>
        <translation>Service catalog</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="86"/>
        <source>年度节假日</source>
        <translation>Holiday year</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="88"/>
        <source>选择 .json 文件</source>
        <translation>Choose a .json file</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="89"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="91"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="93"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="102"/>
        <source>选择文件后先预览：校验文件，并列出与当前发布版本相比的变化。</source>
        <translation>Choose a file, then preview it: the file is validated and its changes against the published version are listed.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="105"/>
        <source>编码/年度</source>
        <translation>Code/year</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="105"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="105"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="106"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="106"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="123"/>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="124"/>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="132"/>
        <source>请先选择文件。</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="136"/>
        <source>文件太大（超过 8 MB）。</source>
        <translation>The file is too large (over 8 MB).</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="140"/>
        <source>无法读取文件 {path}：{why}</source>
        <translation>Cannot read {path}: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="141"/>
        <source>不是 UTF-8 文本</source>
        <translation>not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="144"/>
        <source>文件是空的。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="154"/>
        <source>正在校验…</source>
        <translation>Validating…</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="171"/>
        <source>正式</source>
        <translation>Official</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="171"/>
        <source>暂定</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="173"/>
        <source>{days} 天</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="174"/>
        <source>原 {days} 天</source>
        <translation>was {days} days</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="184"/>
        <source>文件有效。{parts}</source>
        <translation>The file is valid. {parts}</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="185"/>
        <source>确认无误后点击“发布”。</source>
        <translation>Check the changes, then click “Publish”.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_publish.py" line="187"/>
        <source>文件有 {n} 处错误，不能发布。</source>
        <translation>The file has {n} error(s) and cannot be published.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/district/queue_model.py" line="46"/>
        <source> 暂定</source>
        <translation> provisional</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="48"/>
        <source>（超 {n} 日）</source>
        <translation> ({n} d over)</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="50"/>
        <source>（余 {n} 日）</source>
        <translation> ({n} d left)</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="52"/>
        <source>（暂停）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="134"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="134"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="134"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="134"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="135"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="135"/>
        <source>代办员</source>
        <translation>Proxy agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="135"/>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="136"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue_model.py" line="179"/>
        <source>姓名已遮蔽；完整信息见案件详情。</source>
        <translation>Name masked; the case detail shows the full record.</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../ui/district/queue.py" line="138"/>
        <source>办件编号（开头部分即可，Ctrl+F）</source>
        <translation>Case number (its beginning is enough, Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="143"/>
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="145"/>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="145"/>
        <source>我的代办</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="146"/>
        <source>全部在办</source>
        <translation>All running</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="147"/>
        <source>已退回站点</source>
        <translation>Returned to station</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="148"/>
        <source>已决定待交付</source>
        <translation>Decided, to hand over</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="148"/>
        <source>全部案件</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="152"/>
        <source>全部站点</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="157"/>
        <source>全部事项</source>
        <translation>All matters</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="163"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="163"/>
        <source>预警或超期</source>
        <translation>Warning or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="164"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="164"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="164"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="165"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="168"/>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="177"/>
        <source>最紧急在前</source>
        <translation>Most urgent first</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="178"/>
        <source>最近变动在前</source>
        <translation>Latest change first</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="182"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="185"/>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="192"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="193"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="194"/>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="283"/>
        <source>没有符合条件的案件。</source>
        <translation>No cases match.</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="290"/>
        <source>共 {n} 件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <location filename="../../ui/district/queue.py" line="292"/>
        <source>（已载入 {n}）</source>
        <translation> ({n} loaded)</translation>
    </message>
</context>
<context>
    <name>RatingPicker</name>
    <message>
        <location filename="../../ui/station/case_detail.py" line="498"/>
        <source>未评价（可稍后记录）</source>
        <translation>Not rated (can be recorded later)</translation>
    </message>
    <message>
        <location filename="../../ui/station/case_detail.py" line="501"/>
        <source>{label}（差评）</source>
        <translation>{label} (bad rating)</translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <location filename="../../ui/district/ratings.py" line="123"/>
        <source>完成整改前请记录整改情况和回访情况。</source>
        <translation>Record the rectification and the follow-up call before closing.</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="132"/>
        <source>已保存（{when}）。</source>
        <translation>Saved ({when}).</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="148"/>
        <source>查询</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="153"/>
        <location filename="../../ui/district/ratings.py" line="204"/>
        <source>评价日期</source>
        <translation>Rated on</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="159"/>
        <source>评价总数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="160"/>
        <location filename="../../ui/district/ratings.py" line="180"/>
        <source>平均分</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="161"/>
        <source>差评（1–2分）</source>
        <translation>Bad (1–2)</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="162"/>
        <source>整改中</source>
        <translation>Follow-ups open</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="163"/>
        <source>整改逾期</source>
        <translation>Follow-ups late</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="170"/>
        <source>评价分布</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="171"/>
        <source>差评整改</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="180"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="180"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="185"/>
        <location filename="../../ui/district/ratings.py" line="203"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="187"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="190"/>
        <source>按站点</source>
        <translation>By station</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="191"/>
        <source>按事项</source>
        <translation>By matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="203"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="203"/>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="204"/>
        <location filename="../../ui/district/ratings.py" line="244"/>
        <source>评价意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="204"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="205"/>
        <location filename="../../ui/district/ratings.py" line="245"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="205"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="205"/>
        <source>评价渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="221"/>
        <source>选择一条差评记录跟进情况。</source>
        <translation>Select a bad rating to record its follow-up.</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="231"/>
        <source>负责整改的人或科室</source>
        <translation>Person or office responsible</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="233"/>
        <source>查明的原因和采取的整改措施</source>
        <translation>What caused it and what was changed</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="235"/>
        <source>回访时间、方式、申请人的意见</source>
        <translation>When and how the applicant was called, and what they said</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="236"/>
        <source>整改完成，关闭此项</source>
        <translation>Rectified: close this item</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="240"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="246"/>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="247"/>
        <source>回访记录</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="274"/>
        <source>差评须在评价后 15 个工作日内完成整改和回访（今天 {day}）。评价渠道：{channels}</source>
        <translation>Bad ratings must be rectified and the citizen called back within 15 working days of the rating (today {day}). Channels: {channels}</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="293"/>
        <source>整改中（余 {n} 日）</source>
        <translation>Open ({n} d left)</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="294"/>
        <source>逾期 {n} 个工作日</source>
        <translation>{n} working days late</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="295"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="296"/>
        <source>已完成（逾期）</source>
        <translation>Done (late)</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="311"/>
        <source>{case} · {score} 分 · 期限 {deadline}</source>
        <translation>{case} · score {score} · due {deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/district/ratings.py" line="313"/>
        <source>（未填写意见）</source>
        <translation>(no comment given)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/station/recovery_dialog.py" line="36"/>
        <source>恢复密钥（只显示这一次）</source>
        <translation>Recovery key (shown only this once)</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery_dialog.py" line="39"/>
        <source>本站数据已加密，密钥保存在本机的系统密钥环中。换电脑、重装系统或密钥环丢失时，要用下面的恢复密钥才能打开数据或恢复备份。它只显示这一次：请打印恢复密钥单或抄写下来，锁在柜中保管。</source>
        <translation>This station&apos;s data is encrypted; the key is kept in this PC&apos;s system keyring. On a new PC, after reinstalling the system or when the keyring is lost, the recovery key below is needed to open the data or restore a backup. It is shown only this once: print the recovery key slip or write it down, and keep it locked away.</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery_dialog.py" line="52"/>
        <source>打印恢复密钥单…</source>
        <translation>Print the recovery key slip…</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery_dialog.py" line="55"/>
        <source>我已打印或抄写</source>
        <translation>I have printed or written it down</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery_dialog.py" line="72"/>
        <source>站点数据恢复密钥单</source>
        <translation>Station data recovery key slip</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/station/reports_page.py" line="131"/>
        <location filename="../../ui/station/reports_page.py" line="135"/>
        <source>正在统计…</source>
        <extracomment>The daily report&apos;s state columns, in its order. The daily report&apos;s activity columns, in its order. A summary is shown. The daily report&apos;s PDF was rendered (bytes), before the preview opens.</extracomment>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="154"/>
        <source>站点日报 {day}</source>
        <translation>Station daily report {day}</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="163"/>
        <source>正在生成日报…</source>
        <translation>Generating daily report…</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="168"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="168"/>
        <source>昨天</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="169"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="169"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="170"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="170"/>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="171"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="180"/>
        <source>打印日报(&amp;P)</source>
        <translation>&amp;Print daily report</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="176"/>
        <location filename="../../ui/station/reports_page.py" line="185"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="191"/>
        <source>日报日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="195"/>
        <source>收件</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="119"/>
        <source>{district}政务服务中心</source>
        <translation>{district} Government Service Center</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="127"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="134"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="135"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="151"/>
        <source>办件统计报表 {a}–{b}</source>
        <translation>Case report {a}–{b}</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="155"/>
        <source>正在生成报表…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="165"/>
        <source>查询</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="167"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="169"/>
        <source>打印预览（PDF）</source>
        <translation>Print preview (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="184"/>
        <location filename="../../ui/district/reports.py" line="193"/>
        <location filename="../../ui/station/reports_page.py" line="195"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="185"/>
        <location filename="../../ui/district/reports.py" line="193"/>
        <location filename="../../ui/station/reports_page.py" line="195"/>
        <source>办结</source>
        <translation>Compl.</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="186"/>
        <location filename="../../ui/district/reports.py" line="194"/>
        <source>按时率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="187"/>
        <location filename="../../ui/district/reports.py" line="193"/>
        <source>超期办结</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="188"/>
        <location filename="../../ui/district/reports.py" line="194"/>
        <source>平均用时（工作日）</source>
        <translation>Average (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="193"/>
        <source>按时办结</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="196"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="199"/>
        <source>按站点</source>
        <translation>By station</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="200"/>
        <source>按事项</source>
        <translation>By matter</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="215"/>
        <source>各栏均为办件数，每件只计一次：受理按受理日期，办结按首次办结日（区级决定或站点交付）；一件可同时计入受理和办结。</source>
        <translation>Every column counts cases, each once: accepted by the day of acceptance, completed by the first day it was finished (the district’s decision or the station’s hand-over); a case can be in both.</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="238"/>
        <source>期间内评价（按评价渠道）：{channels}</source>
        <translation>Ratings in the period by channel: {channels}</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="243"/>
        <source>生成于 {when}</source>
        <translation>Generated {when}</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="196"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="196"/>
        <source>评价</source>
        <translation>Rated</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="196"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="197"/>
        <source>当前超期</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="197"/>
        <source>当前预警</source>
        <translation>Warning now</translation>
    </message>
    <message>
        <location filename="../../ui/district/reports.py" line="197"/>
        <location filename="../../ui/station/reports_page.py" line="207"/>
        <location filename="../../ui/station/reports_page.py" line="211"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="207"/>
        <location filename="../../ui/station/reports_page.py" line="327"/>
        <location filename="../../ui/station/reports_page.py" line="341"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="219"/>
        <source>收件办件（按当前状态）</source>
        <translation>Cases received (by current state)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="220"/>
        <source>办理情况（按办理事件）</source>
        <translation>Handling (by event)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="305"/>
        <source>{start} 至 {end}，共 {n} 天</source>
        <translation>{start} to {end}, {n} days</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="306"/>
        <source>{day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="348"/>
        <source>好差评（{n} 条）</source>
        <translation>Ratings ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="351"/>
        <source>本期间没有评价。</source>
        <translation>No ratings in this period.</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="360"/>
        <source>{n}（{p}%）</source>
        <translation>{n} ({p}%)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="366"/>
        <source>满意率 {p}%</source>
        <translation>Satisfaction rate {p}%</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="368"/>
        <source>评价渠道：</source>
        <translation>Channels: </translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="372"/>
        <source>申请人不愿评价：{n} 件（不计入评价等级）</source>
        <translation>Applicant declined to rate: {n} (not counted as a rating)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="376"/>
        <source>电子监察（今日）</source>
        <translation>Electronic supervision (today)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="378"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="378"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="379"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="381"/>
        <source>其中退回补正、暂停计时的 {n} 件按退回时的状态计。</source>
        <translation>{n} of these, returned for correction with the clock stopped, are counted as they were when returned.</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="383"/>
        <source>差评（须区中心15个工作日内跟进整改）</source>
        <translation>Bad ratings (the district center follows up within 15 working days)</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="385"/>
        <source>本期间没有差评。</source>
        <translation>No bad ratings in this period.</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="388"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="388"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="389"/>
        <source>评价</source>
        <comment>column: the rating given</comment>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="389"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="390"/>
        <source>评价渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="401"/>
        <source>仅列出前 200 条。</source>
        <translation>Only the first 200 are listed.</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="407"/>
        <source>咨询登记</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../ui/station/reports_page.py" line="408"/>
        <source>咨询 {n} 次</source>
        <translation>{n} consultation(s)</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <location filename="../../ui/district/scan.py" line="31"/>
        <source>扫描件 {sha}</source>
        <translation>Scan {sha}</translation>
    </message>
    <message>
        <location filename="../../ui/district/scan.py" line="38"/>
        <source>扫描件无法显示（不是可识别的图片）。</source>
        <translation>The scan cannot be shown (not a readable image).</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../../ui/district/admin_security.py" line="29"/>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="30"/>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="31"/>
        <source>登录限速</source>
        <translation>Sign-in throttled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="32"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="33"/>
        <source>签发登记码</source>
        <translation>Enrollment code issued</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="34"/>
        <source>站点登记</source>
        <translation>Station enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="35"/>
        <source>登记失败</source>
        <translation>Enrollment failed</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="36"/>
        <source>吊销站点</source>
        <translation>Station revoked</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="37"/>
        <source>吊销设备</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="38"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="39"/>
        <source>停用账号</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="40"/>
        <source>启用账号</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="41"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="42"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="43"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="44"/>
        <source>进度查询限速</source>
        <translation>Progress lookup throttled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="45"/>
        <source>查看完整记录</source>
        <translation>Full record viewed</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="70"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="74"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="81"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="83"/>
        <source>更早的…</source>
        <translation>Older…</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="87"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="89"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="94"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="94"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="94"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="95"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="95"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="95"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_security.py" line="145"/>
        <source>{n} 条</source>
        <translation>{n} entries</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/station/settings_page.py" line="44"/>
        <source>管理员</source>
        <extracomment>Role names, translated when shown (``self.tr`` in SettingsPage).</extracomment>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="45"/>
        <source>窗口人员</source>
        <translation>Counter staff</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="83"/>
        <source>本站信息（印在回执和告知书上）</source>
        <translation>This station (printed on receipts and notices)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="87"/>
        <source>如：010-6234 5678</source>
        <translation>e.g. 010-6234 5678</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="89"/>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="90"/>
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="91"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="92"/>
        <source>保存本站信息</source>
        <translation>Save station details</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="103"/>
        <source>出具机关（文书以其名义出具，本站为受理地点）</source>
        <translation>Issuing authority (documents are issued in its name; this station is the place of acceptance)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="106"/>
        <source>如：北京市海淀区学院路街道办事处</source>
        <translation>e.g. 北京市海淀区学院路街道办事处</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="107"/>
        <source>站点办结事项</source>
        <translation>Station-level matters</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="109"/>
        <source>以事项的实施部门名义出具（如“区民政局”按本站所在区印作“北京市海淀区民政局”）。</source>
        <translation>Issued in the name of the matter&apos;s implementing department (e.g. “区民政局” prints as “北京市海淀区民政局” for this station&apos;s district).</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="111"/>
        <source>上报件</source>
        <translation>Escalated matters</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="113"/>
        <source>如：北京市海淀区人民政府</source>
        <translation>e.g. 北京市海淀区人民政府</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="114"/>
        <source>行政复议机关</source>
        <translation>Reconsideration body</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="116"/>
        <source>区里规定的一次性告知制度名称</source>
        <translation>Name of the district&apos;s one-time notice rule</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="117"/>
        <source>一次性告知依据（非行政许可事项）</source>
        <translation>One-time notice basis (non-licence matters)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="118"/>
        <source>确认并保存出具机关</source>
        <translation>Confirm and save the issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="129"/>
        <source>打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="132"/>
        <source>留空则自动查找系统中的中文 TrueType 字体</source>
        <translation>Leave empty to find a Chinese TrueType font automatically</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="133"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="135"/>
        <source>检测字体</source>
        <translation>Test font</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="141"/>
        <source>中文字体文件</source>
        <translation>Chinese font file</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="146"/>
        <source>两联（申请人留存联 + 窗口存档联）</source>
        <translation>Two (applicant copy + counter file copy)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="147"/>
        <source>一联</source>
        <translation>One</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="148"/>
        <source>联数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="150"/>
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="158"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="162"/>
        <source>工作台</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="166"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="167"/>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="168"/>
        <source>无操作自动锁定</source>
        <translation>Lock when idle</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="170"/>
        <source>显示面向申请人的评价屏（接第二块屏幕时全屏显示在其上）</source>
        <translation>Show the customer display (full screen on a second screen when one is attached)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="171"/>
        <source>评价屏（双屏）</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="175"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="178"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="188"/>
        <source>数据与备份</source>
        <translation>Data and backup</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="192"/>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="193"/>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="199"/>
        <source>在线备份</source>
        <translation>Online backup</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="203"/>
        <source>窗口人员账号（管理员）</source>
        <translation>Counter staff accounts (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="207"/>
        <location filename="../../ui/station/settings_page.py" line="216"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="207"/>
        <location filename="../../ui/station/settings_page.py" line="218"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="207"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="207"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="224"/>
        <source>初始密码（至少 8 位）</source>
        <translation>Initial password (min. 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="226"/>
        <source>新增账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="232"/>
        <source>停用 / 启用所选账号</source>
        <translation>Disable / enable selected</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="235"/>
        <source>重置所选账号的密码</source>
        <translation>Reset the selected account&apos;s password</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="286"/>
        <location filename="../../ui/station/settings_page.py" line="359"/>
        <source>已确认。</source>
        <translation>Confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="287"/>
        <source>尚未确认：以上为按站点名称推定的默认值，请核对后保存。</source>
        <translation>Not confirmed: these are defaults guessed from the station&apos;s name; check them and save.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="299"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="299"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="318"/>
        <source>界面语言将在重新启动后生效。</source>
        <translation>The language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="324"/>
        <source>设置已保存（{0}）。</source>
        <translation>Settings saved ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="342"/>
        <source>本站信息已保存。</source>
        <translation>Station details saved.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="367"/>
        <source>选择中文字体文件</source>
        <translation>Choose a Chinese font file</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="368"/>
        <source>TrueType 字体 (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="382"/>
        <source>{path}（子字体 {n}）</source>
        <translation>{path} (subfont {n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="383"/>
        <source>可用：{0}</source>
        <translation>OK: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="390"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="391"/>
        <source>StationDesk 备份 (*.backup)</source>
        <translation>StationDesk backup (*.backup)</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="400"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="404"/>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="419"/>
        <source>已新增账号 {0}</source>
        <translation>Account {0} added</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="435"/>
        <source>请先在表中选择一个账号。</source>
        <translation>Select an account in the table first.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="440"/>
        <source>自己的密码请在“账户 → 修改密码”中修改。</source>
        <translation>Change your own password under “Account → Change password”.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="447"/>
        <source>已重置 {0} 的密码。一次性密码：{1}&#x3000;请当面告知本人；该账号下次登录时必须设置新密码。此密码只显示这一次。</source>
        <translation>Password of {0} reset. One-time password: {1}  Tell it to the person directly; they must choose a new password at their next sign-in. It is shown only this once.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="464"/>
        <source>不能停用当前登录的账号。</source>
        <translation>You cannot disable the account that is signed in.</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="473"/>
        <source>已启用 {0}</source>
        <translation>{0} enabled</translation>
    </message>
    <message>
        <location filename="../../ui/station/settings_page.py" line="473"/>
        <source>已停用 {0}</source>
        <translation>{0} disabled</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/station/login_page.py" line="117"/>
        <source>首次使用：设置本站</source>
        <translation>First use: set up this station</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="118"/>
        <source>请填写本站的统计用区划代码（12 位）和名称，创建第一个管理员账号，并给本机设一个窗口号（本站每台电脑不同）和名称。</source>
        <translation>Enter the station&apos;s 12-digit statistical area code and name, create the first administrator account, and give this PC a window number (different for every PC of the station) and a name.</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="125"/>
        <source>如：海淀区学院路街道某社区便民服务站</source>
        <translation>E.g. XX Community Service Station</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="127"/>
        <source>街道（乡镇）便民服务中心</source>
        <translation>Street (township) service center</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="128"/>
        <source>社区（村）便民服务站</source>
        <translation>Community (village) service station</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="133"/>
        <source>如：北京市海淀区学院路街道办事处</source>
        <translation>e.g. 北京市海淀区学院路街道办事处</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="135"/>
        <source>本站代为受理的机关：受理回执等文书以其名义出具，本站写作受理地点。</source>
        <translation>The authority this station accepts applications for: receipts and other documents are issued in its name, with the station as the place of acceptance.</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="152"/>
        <source>本站每台电脑一个不同的号（1–99），是本机案件编号和文书编号的一部分，离线办件也不会重号。</source>
        <translation>Each PC of the station has its own number (1–99). It is part of this PC&apos;s case and document numbers, so numbers never collide, even offline.</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="157"/>
        <source>例如 2号窗口</source>
        <translation>e.g. Window 2</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="161"/>
        <source>站点编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="161"/>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="162"/>
        <source>站点级别</source>
        <translation>Station level</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="163"/>
        <source>出具文书的机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="164"/>
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="165"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="165"/>
        <source>管理员用户名</source>
        <translation>Admin user name</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="166"/>
        <source>管理员姓名</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="167"/>
        <source>密码（至少 8 位）</source>
        <translation>Password (min. 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="168"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="169"/>
        <source>本机窗口号</source>
        <translation>This PC&apos;s window number</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="170"/>
        <source>本机名称</source>
        <translation>This PC&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="174"/>
        <source>创建本站</source>
        <translation>Create station</translation>
    </message>
    <message>
        <location filename="../../ui/station/login_page.py" line="217"/>
        <source>两次输入的密码不一致。</source>
        <translation>The passwords do not match.</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="38"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="61"/>
        <source>12 位统计用区划代码</source>
        <translation>12-digit statistical area code</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="64"/>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="66"/>
        <source>登记站点</source>
        <translation>Register station</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="68"/>
        <source>新站点：</source>
        <translation>New station:</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="73"/>
        <source>一次性登记码（只显示这一次，请打印交给站点）</source>
        <translation>One-time enrollment code (shown only once: print it for the station)</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="78"/>
        <source>打印登记码通知单</source>
        <translation>Print code slip</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="85"/>
        <source>站点编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="85"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="85"/>
        <source>在用设备</source>
        <translation>Live devices</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="86"/>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="86"/>
        <location filename="../../ui/district/admin_stations.py" line="105"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="93"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="94"/>
        <source>为另一台设备发登记码</source>
        <translation>Code for another device</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="96"/>
        <source>吊销所选设备</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="98"/>
        <source>吊销整个站点</source>
        <translation>Revoke station</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="104"/>
        <source>设备名称</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="104"/>
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="105"/>
        <source>登记时间</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="127"/>
        <source>从未联系</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="128"/>
        <location filename="../../ui/district/admin_stations.py" line="153"/>
        <source>已吊销 {at}</source>
        <translation>Revoked {at}</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="129"/>
        <location filename="../../ui/district/admin_stations.py" line="154"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="144"/>
        <source>{name} 的设备</source>
        <translation>Devices of {name}</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="174"/>
        <source>站点编码须为 12 位数字（统计用区划代码）。</source>
        <translation>The station code has 12 digits (statistical area code).</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="177"/>
        <source>请填写站点名称。</source>
        <translation>Enter the station&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="180"/>
        <source>站点 {code} 已登记。重新登记会使它尚未使用的登记码作废（已登记的设备不受影响）。继续？</source>
        <translation>Station {code} is registered. Registering it again voids its unused codes (enrolled devices are not affected). Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="184"/>
        <source>已登记站点 {code}。</source>
        <translation>Station {code} registered.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="192"/>
        <source>已为站点 {code} 签发新的登记码。</source>
        <translation>New enrollment code issued for station {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="197"/>
        <source>请先选择一台设备。</source>
        <translation>Choose a device first.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="201"/>
        <source>这台设备已吊销。</source>
        <translation>This device is already revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="203"/>
        <source>吊销站点 {code} 的设备“{name}”？它将不能再同步，该站点的其他设备照常。</source>
        <translation>Revoke device “{name}” of station {code}? It can no longer sync; the station&apos;s other devices go on.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="209"/>
        <source>已吊销设备“{name}”。</source>
        <translation>Device “{name}” revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="215"/>
        <source>吊销整个站点 {code} {name}？它的全部设备都不能再同步，须重新登记。</source>
        <translation>Revoke the whole station {code} {name}? None of its devices can sync until it enrolls again.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="221"/>
        <source>已吊销站点 {code}。</source>
        <translation>Station {code} revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="225"/>
        <source>{name}（{code}）：{secret}&#x3000;{expires} 前有效</source>
        <translation>{name} ({code}): {secret}  valid until {expires}</translation>
    </message>
    <message>
        <location filename="../../ui/district/admin_stations.py" line="247"/>
        <source>站点登记码通知单</source>
        <translation>Station enrollment code slip</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="35"/>
        <source>补交容缺材料</source>
        <translation>Deferred material handed in</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="36"/>
        <source>案件 {case_no}：勾选申请人本次补交的容缺后补材料。</source>
        <translation>Case {case_no}: tick the deferred materials the applicant has handed in now.</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="52"/>
        <source>登记补交</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="66"/>
        <source>{name}（承诺 {day} 前补交，已逾期）</source>
        <translation>{name} (promised by {day}, overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="68"/>
        <source>{name}（承诺 {day} 前补交）</source>
        <translation>{name} (promised by {day})</translation>
    </message>
    <message>
        <location filename="../../ui/station/supplement_dialog.py" line="77"/>
        <source>请勾选至少一项补交的材料。</source>
        <translation>Tick at least one material handed in.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/station/sync_page.py" line="152"/>
        <source>有新版本 {version}（获取方式：{where}）</source>
        <translation>New version {version} available (get it from: {where})</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="153"/>
        <source>请联系区中心</source>
        <translation>ask the district centre</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="344"/>
        <source>正在与区中心台账核对…</source>
        <translation>Comparing with the district&apos;s ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="357"/>
        <source>正在读取同步状态…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="366"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="371"/>
        <source>与区中心对账</source>
        <translation>Reconcile with the district</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="373"/>
        <location filename="../../ui/station/sync_page.py" line="504"/>
        <source>登记到区中心…</source>
        <translation>Enroll with the district…</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="381"/>
        <source>尚未对账。</source>
        <translation>Not reconciled yet.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="399"/>
        <location filename="../../ui/station/sync_page.py" line="405"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="399"/>
        <location filename="../../ui/station/sync_page.py" line="403"/>
        <source>序号</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="399"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="400"/>
        <source>区中心拒收原因</source>
        <translation>Why the district refused it</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="403"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="403"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="404"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="405"/>
        <source>已在案件中（另一窗口或区中心）</source>
        <translation>In the case (other counter or district)</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="406"/>
        <source>本机未被接收的操作</source>
        <translation>This PC&apos;s steps not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="406"/>
        <source>区中心答复</source>
        <translation>District&apos;s answer</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="409"/>
        <source>在当前版本上重做</source>
        <translation>Redo on the current version</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="412"/>
        <source>放弃本机操作</source>
        <translation>Discard this PC&apos;s steps</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="414"/>
        <source>两个窗口离线办理了同一案件时，后同步的一方的操作不会覆盖先到的：两个版本都在这里，请选择。</source>
        <translation>When two counters worked on one case offline, the later one never overwrites the earlier: both versions are here, choose.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="427"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="427"/>
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="427"/>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="431"/>
        <source>本次运行尚未同步。</source>
        <translation>No sync since the program started.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="434"/>
        <source>被拒绝的事件</source>
        <translation>Refused events</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="435"/>
        <source>无法应用的区中心事件</source>
        <translation>District events not applied</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="436"/>
        <source>上次同步报告</source>
        <translation>Last sync report</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="437"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="438"/>
        <source>本站设备</source>
        <translation>Station devices</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="439"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="439"/>
        <source>事件来源</source>
        <translation>Events of</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="439"/>
        <source>本站条数</source>
        <translation>Station count</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="440"/>
        <source>区中心条数</source>
        <translation>District count</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="440"/>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="443"/>
        <source>对账差异</source>
        <translation>Reconciliation differences</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="445"/>
        <source>对账：</source>
        <translation>Reconciliation: </translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="457"/>
        <source>● 正在同步…</source>
        <translation>● Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="469"/>
        <source>● 未登记到区中心</source>
        <translation>● Not enrolled with a district</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="471"/>
        <source>● 尚未同步</source>
        <translation>● Not synced yet</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="473"/>
        <source>● 上次同步完成，但有 {n} 个问题</source>
        <translation>● Last sync done, with {n} problem(s)</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="476"/>
        <source>● 在线：上次同步成功</source>
        <translation>● Online: the last sync succeeded</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="478"/>
        <source>● 离线：上次同步没有完成</source>
        <translation>● Offline: the last sync did not complete</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="479"/>
        <source>区中心：{server}</source>
        <translation>District: {server}</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="480"/>
        <source>未登记（管理员点“登记到区中心…”，输入区中心地址和登记码）</source>
        <translation>not enrolled (an administrator clicks “Enroll with the district…” and enters the address and the enrollment code)</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="482"/>
        <source>本机：{name}（窗口号 {number}，是本机案件编号的一部分）</source>
        <translation>This PC: {name} (window number {number}, part of this PC&apos;s case numbers)</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="484"/>
        <source>尚未登记为本站的设备</source>
        <translation>not yet enrolled as a device of this station</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="487"/>
        <source>待同步：{pending} 条事件、{notes} 条留言；区中心已确认 {acked} 条；被拒绝 {rejected} 条</source>
        <translation>Waiting: {pending} events, {notes} notes; acknowledged by the district: {acked}; refused: {rejected}</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="490"/>
        <source>上次成功同步：{ok}&#x3000;上次尝试：{tried}</source>
        <translation>Last successful sync: {ok}   last attempt: {tried}</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="491"/>
        <location filename="../../ui/station/sync_page.py" line="492"/>
        <location filename="../../ui/station/sync_page.py" line="532"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="503"/>
        <source>重新登记…</source>
        <translation>Enroll again…</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="509"/>
        <source>被拒绝的事件（{n}）</source>
        <translation>Refused events ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="515"/>
        <source>区中心的原因代码：{code}
双击打开该办件核对。</source>
        <translation>The district&apos;s reason code: {code}
Double-click to open the case and check it.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="516"/>
        <source>双击打开该办件核对。</source>
        <translation>Double-click to open the case and check it.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="526"/>
        <source>同步冲突（{n}）</source>
        <translation>Sync conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="577"/>
        <source>已对账：{n} 天的事件与区中心一致。</source>
        <translation>Reconciled: {n} days of events agree with the district.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="591"/>
        <source>有差异：{0}。先点“立即同步”，仍有差异请联系区中心。</source>
        <translation>Differences: {0}. Click “Sync now” first; if they remain, contact the district center.</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="572"/>
        <source>本站事件</source>
        <translation>station events</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="572"/>
        <source>区中心事件</source>
        <translation>district events</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="583"/>
        <source>{n} 天的事件条数不一致（见“对账差异”）</source>
        <translation>event counts differ on {n} days (see “Reconciliation differences”)</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="586"/>
        <source>区中心拒收的本站事件 {n} 条</source>
        <translation>{n} station events refused by the district</translation>
    </message>
    <message>
        <location filename="../../ui/station/sync_page.py" line="588"/>
        <source>尚未被区中心接收的本站事件 {n} 条</source>
        <translation>{n} station events not yet accepted by the district</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="105"/>
        <source>正在读取…</source>
        <extracomment>Cases in these states continue at the counter; the others open in the cases page. The lists were (re)loaded.</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="131"/>
        <location filename="../../ui/station/tasks_page.py" line="225"/>
        <source>待补正跟进</source>
        <translation>Supplement follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="131"/>
        <source>退回补正</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="131"/>
        <source>待交付结果</source>
        <translation>Results to deliver</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="132"/>
        <location filename="../../ui/station/tasks_page.py" line="151"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="132"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="140"/>
        <source>按 {n} 切换到此列表</source>
        <translation>Press {n} to switch to this list</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="144"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="144"/>
        <location filename="../../ui/station/tasks_page.py" line="146"/>
        <location filename="../../ui/station/tasks_page.py" line="148"/>
        <location filename="../../ui/station/tasks_page.py" line="150"/>
        <location filename="../../ui/station/tasks_page.py" line="152"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="144"/>
        <location filename="../../ui/station/tasks_page.py" line="146"/>
        <location filename="../../ui/station/tasks_page.py" line="148"/>
        <location filename="../../ui/station/tasks_page.py" line="150"/>
        <location filename="../../ui/station/tasks_page.py" line="152"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="144"/>
        <location filename="../../ui/station/tasks_page.py" line="146"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="145"/>
        <location filename="../../ui/station/tasks_page.py" line="146"/>
        <location filename="../../ui/station/tasks_page.py" line="148"/>
        <location filename="../../ui/station/tasks_page.py" line="150"/>
        <location filename="../../ui/station/tasks_page.py" line="152"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="145"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="145"/>
        <source>待补材料</source>
        <translation>Materials to bring</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="147"/>
        <source>退回日期</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="147"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="147"/>
        <source>退回意见</source>
        <translation>Return note</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="148"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="149"/>
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="149"/>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="150"/>
        <location filename="../../ui/station/tasks_page.py" line="152"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="151"/>
        <location filename="../../ui/station/tasks_page.py" line="153"/>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="151"/>
        <location filename="../../ui/station/tasks_page.py" line="153"/>
        <source>当前负责</source>
        <translation>Current owner</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="153"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="167"/>
        <source>显示完整电话</source>
        <translation>Show full phone numbers</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="171"/>
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="224"/>
        <source>待补正跟进（承诺逾期 {n}）</source>
        <translation>Supplement follow-up ({n} past promise)</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="226"/>
        <source>更新于 {t}</source>
        <translation>Updated {t}</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="250"/>
        <source>告知补正</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="253"/>
        <source>一次性告知单出具日期</source>
        <translation>Date the one-time notice was issued</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="255"/>
        <source>容缺后补</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="256"/>
        <source>承诺 {d}</source>
        <translation>Promised {d}</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="260"/>
        <source>承诺补交日期已过，请联系申请人。</source>
        <translation>Promised date has passed; contact the applicant.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="261"/>
        <source>申请人承诺补交的日期</source>
        <translation>Date the applicant promised to bring the materials</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="281"/>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="283"/>
        <source>决定日期晚于本机日期，请核对本机的日期和时间。</source>
        <translation>The decision is dated after this computer&apos;s date; check this computer&apos;s date and time.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="285"/>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="297"/>
        <location filename="../../ui/station/tasks_page.py" line="299"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="297"/>
        <source>已到期</source>
        <translation>Due now</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="300"/>
        <source> 暂定</source>
        <translation> provisional</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="301"/>
        <source>区中心</source>
        <translation>District center</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="301"/>
        <source>本站</source>
        <translation>This station</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="312"/>
        <source>联系申请人补齐材料；承诺逾期的标红。Enter 继续受理。</source>
        <translation>Contact applicants to bring the materials; past-promise ones are red. Enter continues intake.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="313"/>
        <source>区中心要求补正：联系申请人补齐后继续受理、重新上报。Enter 继续受理。</source>
        <translation>The district center requires corrections: contact the applicant, continue intake and escalate again. Enter continues intake.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="314"/>
        <source>区中心已作出决定：通知申请人领取，交付时办结并请其评价。Enter 打开办件。</source>
        <translation>The district center has decided: notify the applicant to collect; complete on delivery and ask for a rating. Enter opens the case.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="315"/>
        <source>已超过办结期限的在办案件（含在区中心办理的）。Enter 打开办件。</source>
        <translation>Open cases past their due date (including those at the district center). Enter opens the case.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="316"/>
        <source>即将到期的在办案件：请优先办理。Enter 打开办件。</source>
        <translation>Open cases due soon: handle them first. Enter opens the case.</translation>
    </message>
    <message>
        <location filename="../../ui/station/tasks_page.py" line="321"/>
        <source>没有待交付的结果。</source>
        <translation>No results to deliver.</translation>
    </message>
</context>
<context>
    <name>TimelineRenderer</name>
    <message>
        <location filename="../../ui/common/timeline.py" line="61"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="61"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="61"/>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="61"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="105"/>
        <source>告知补正 {n} 项</source>
        <translation>Items to supplement: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="107"/>
        <source>（新增告知项，理由：{why}）</source>
        <translation>(items added, reason: {why})</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="114"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="115"/>
        <source>办结期限 {due}{extra}</source>
        <translation>Due {due}{extra}</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="136"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="140"/>
        <source>（{channel}）</source>
        <translation> ({channel})</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="146"/>
        <source>窗口领取</source>
        <translation>Collect at counter</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="146"/>
        <source>邮寄送达</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/common/timeline.py" line="147"/>
        <source>电子送达</source>
        <translation>Electronic delivery</translation>
    </message>
</context>
<context>
    <name>catalog_changes</name>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="42"/>
        <source>法律法规未规定</source>
        <extracomment>The translation context of the change texts (scripts/i18n.sh collects the markers).</extracomment>
        <translation>not set by law</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="43"/>
        <source>不计份数</source>
        <translation>no count</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="44"/>
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="45"/>
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="46"/>
        <source>原件和复印件</source>
        <translation>original and copy</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="47"/>
        <source>原件或复印件</source>
        <translation>original or copy</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="48"/>
        <source>必要</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="49"/>
        <source>非必要</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="50"/>
        <source>容缺后补</source>
        <translation>may be brought later</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="51"/>
        <source>信息免交</source>
        <translation>from shared data</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="58"/>
        <source>{days}个工作日</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="64"/>
        <source>原件{n}份</source>
        <translation>{n} original(s)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="67"/>
        <source>复印件{n}份</source>
        <translation>{n} copy(ies)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="73"/>
        <source>{a}或{b}</source>
        <translation>{a} or {b}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="75"/>
        <location filename="../../clerk/catalog/loader.py" line="154"/>
        <source>{a}，{b}</source>
        <translation>{a}, {b}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="80"/>
        <source>{form}，{counts}，{necessity}</source>
        <translation>{form}, {counts}, {necessity}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="87"/>
        <source>新增材料：{name}（{material}）</source>
        <translation>Material added: {name} ({material})</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="90"/>
        <source>删除材料：{name}</source>
        <translation>Material removed: {name}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="99"/>
        <source>材料变化：{name}：{old} → {new}</source>
        <translation>Material changed: {name}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="102"/>
        <source>材料要求变化：{name}</source>
        <translation>Material requirement changed: {name}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="110"/>
        <source>法定时限：{old} → {new}</source>
        <translation>Legal limit: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="113"/>
        <source>承诺时限：{old} → {new}</source>
        <translation>Committed limit: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="122"/>
        <source>名称：{old} → {new}</source>
        <translation>Name: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="125"/>
        <source>收费变化</source>
        <translation>Fees changed</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="127"/>
        <source>实施部门：{old} → {new}</source>
        <translation>Department: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/changes.py" line="155"/>
        <source>该版本已发布且内容不同；修改事项须提高版本号</source>
        <translation>This version is already published with different content; a changed matter needs a higher version number</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="38"/>
        <source>文件</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="52"/>
        <source>days[{i}]（第{n}条）</source>
        <translation>days[{i}] (entry {n})</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="57"/>
        <source>{where}.{key}</source>
        <translation>{where}.{key}</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="68"/>
        <source>节假日文件“{file}”中 {field} 有误：{problem}请向区政务服务中心索取正确的文件后重新导入。</source>
        <translation>Holiday file “{file}”, {field} is wrong: {problem} Ask the district service center for a correct file and import it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="90"/>
        <source>太大（超过 {kb} KB）。</source>
        <translation>too large (over {kb} KB).</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="102"/>
        <source>不是 UTF-8 编码的文本。</source>
        <translation>not UTF-8 text.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="109"/>
        <source>JSON 嵌套过深。</source>
        <translation>JSON nested too deeply.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="115"/>
        <source>不是有效的 JSON（第{line}行第{column}列：{why}）。</source>
        <translation>not valid JSON (line {line}, column {column}: {why}).</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="131"/>
        <source>字段“{key}”</source>
        <translation>field “{key}”</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="132"/>
        <source>在同一对象中出现了两次。</source>
        <translation>appears twice in the same object.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="141"/>
        <source>应为 JSON 对象 {…}。</source>
        <translation>should be a JSON object {…}.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="148"/>
        <source>有未知字段“{keys}”。</source>
        <translation>has unknown fields “{keys}”.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="158"/>
        <source>缺少字段“{keys}”。</source>
        <translation>lacks fields “{keys}”.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="173"/>
        <source>应为整数，现在是 {value}。</source>
        <translation>should be a whole number, is {value}.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="183"/>
        <source>应为非空字符串。</source>
        <translation>should be a non-empty string.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="188"/>
        <source>超过{n}个字。</source>
        <translation>longer than {n} characters.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="196"/>
        <source>应为 true 或 false。</source>
        <translation>should be true or false.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="207"/>
        <source>应为“{format}”，这不是节假日文件。</source>
        <translation>should be “{format}”; this is not a holiday file.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="217"/>
        <source>本程序只支持第{supported}版，文件是第{version}版。</source>
        <translation>this program supports version {supported} only; the file is version {version}.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="229"/>
        <source>年份{year}不合理。</source>
        <translation>the year {year} is not plausible.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="244"/>
        <source>应为“holiday”（放假）或“workday”（调休上班）。</source>
        <translation>should be “holiday” or “workday” (make-up working day).</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="258"/>
        <source>调休上班日{day}不是星期六或星期日。</source>
        <translation>the make-up working day {day} is not a Saturday or Sunday.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="271"/>
        <source>日期应写成 YYYY-MM-DD，例如 2027-01-01。</source>
        <translation>dates are written YYYY-MM-DD, e.g. 2027-01-01.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="281"/>
        <source>“{value}”不是有效日期。</source>
        <translation>“{value}” is not a valid date.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="289"/>
        <source>日期{value}不在文件所属的{year}年内。</source>
        <translation>the date {value} is not in the file’s year {year}.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="311"/>
        <source>文件顶层</source>
        <translation>the file’s top level</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="317"/>
        <source>应为非空的列表 […]。</source>
        <translation>should be a non-empty list […].</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/yearfile.py" line="326"/>
        <source>日期{day}重复出现。</source>
        <translation>the date {day} appears twice.</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="124"/>
        <source>目录文件 {file}</source>
        <translation>catalog file {file}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="128"/>
        <location filename="../../district/publishing.py" line="60"/>
        <source>事项 {code}</source>
        <translation>matter {code}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="134"/>
        <source>第 {n} 个事项</source>
        <translation>matter no. {n}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="141"/>
        <source>字段 {field}</source>
        <translation>field {field}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="144"/>
        <source>{where}：{problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="207"/>
        <source>布尔值</source>
        <translation>a boolean</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="208"/>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="209"/>
        <source>小数</source>
        <translation>a decimal</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="210"/>
        <source>字符串</source>
        <translation>a string</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="211"/>
        <source>数组</source>
        <translation>an array</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="212"/>
        <source>对象</source>
        <translation>an object</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="213"/>
        <source>字符串或 null</source>
        <translation>a string or null</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="214"/>
        <source>布尔值 true/false</source>
        <translation>a boolean true/false</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="215"/>
        <source>日期字符串 YYYY-MM-DD</source>
        <translation>a date string YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="216"/>
        <source>金额</source>
        <translation>an amount</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="217"/>
        <source>选项</source>
        <translation>choice</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="218"/>
        <source>材料标识</source>
        <translation>material key</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="219"/>
        <source>材料序号</source>
        <translation>material order</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="220"/>
        <source>字段名</source>
        <translation>field name</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="270"/>
        <source>应为对象，实际是{type}</source>
        <translation>should be an object, is {type}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="280"/>
        <source>未知的键（拼写错误？）</source>
        <translation>unknown key (a typo?)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="285"/>
        <source>缺少必填项</source>
        <translation>required key missing</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="306"/>
        <source>应为{expected}，实际是{type}</source>
        <translation>should be {expected}, is {type}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="324"/>
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="328"/>
        <source>首尾不能有空格</source>
        <translation>must not start or end with spaces</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="333"/>
        <source>不能含换行或控制字符</source>
        <translation>must not contain line breaks or control characters</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="339"/>
        <source>长度 {length} 超过上限 {max_len}</source>
        <translation>length {length} is over the limit of {max_len}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="368"/>
        <source>不能小于 {minimum}，实际是 {value}</source>
        <translation>must not be less than {minimum}, is {value}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="379"/>
        <source>不能大于 {maximum}，实际是 {value}</source>
        <translation>must not be more than {maximum}, is {value}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="410"/>
        <source>未知取值 “{value}”，应为 {allowed} 之一</source>
        <translation>unknown value “{value}”, should be one of {allowed}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="436"/>
        <source>日期 “{value}” 无效，应为 YYYY-MM-DD</source>
        <translation>date “{value}” is not valid, should be YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="453"/>
        <source>金额 “{value}” 不是数字</source>
        <translation>amount “{value}” is not a number</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="463"/>
        <source>金额应大于 0（不收费的事项 fees 留空）</source>
        <translation>the amount must be more than 0 (leave fees empty for a matter without a fee)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="469"/>
        <source>金额最多两位小数（分）</source>
        <translation>the amount has at most two decimal places (fen)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="484"/>
        <source>应为非空字符串，实际是{type}</source>
        <translation>should be a non-empty string, is {type}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="510"/>
        <source>{what} “{value}” 重复（与 {other} 相同）</source>
        <translation>{what} “{value}” repeated (same as {other})</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="527"/>
        <source>“{value}” 应只含小写字母、数字和下划线，并以字母开头</source>
        <translation>“{value}” may hold only lower-case letters, digits and underscores, and must start with a letter</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="570"/>
        <source>形式为{form}，原件份数不能为 0</source>
        <translation>the form is {form}: the number of originals must not be 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="578"/>
        <source>形式为{form}，复印件份数应为 0</source>
        <translation>the form is {form}: the number of copies should be 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="587"/>
        <source>形式为{form}，复印件份数不能为 0</source>
        <translation>the form is {form}: the number of copies must not be 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="595"/>
        <source>形式为{form}，原件份数应为 0</source>
        <translation>the form is {form}: the number of originals should be 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="604"/>
        <source>形式为{form}，原件和复印件份数都不能为 0</source>
        <translation>the form is {form}: neither the number of originals nor of copies may be 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="614"/>
        <source>形式为{form}，原件或复印件份数至少一项大于 0</source>
        <translation>the form is {form}: the number of originals or of copies must be more than 0</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="646"/>
        <source>选择题字段（choice）至少要有一个选项</source>
        <translation>a choice field needs at least one choice</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="653"/>
        <source>只有 choice 字段可以有选项，本字段是 {type}</source>
        <translation>only a choice field may have choices; this field is {type}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="687"/>
        <source>至少要有一项申请材料</source>
        <translation>at least one material is required</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="714"/>
        <source>即办件当场办结，承诺时限应为 0，实际是 {days}</source>
        <translation>an on-the-spot matter is done at once: the committed limit should be 0, is {days}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="723"/>
        <source>承诺件的承诺时限至少为 1 个工作日</source>
        <translation>a committed matter’s limit is at least 1 working day</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="729"/>
        <source>承诺时限 {committed} 个工作日超过法定时限 {legal} 个工作日</source>
        <translation>the committed limit of {committed} working days is over the legal limit of {legal} working days</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="747"/>
        <source>失效日期 {valid_to} 早于生效日期 {valid_from}</source>
        <translation>the end date {valid_to} is before the start date {valid_from}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="853"/>
        <source>文件太大（{kb} KB），事项目录最多 {mb} MB</source>
        <translation>the file is too large ({kb} KB); a catalog is at most {mb} MB</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="865"/>
        <source>文件不是 UTF-8 编码（第 {n} 个字节无法解码）</source>
        <translation>the file is not UTF-8 (byte {n} cannot be decoded)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="883"/>
        <location filename="../../clerk/catalog/loader.py" line="917"/>
        <location filename="../../clerk/catalog/loader.py" line="1142"/>
        <source>JSON 嵌套过深（最多 {n} 层）</source>
        <translation>JSON nested too deeply (at most {n} levels)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="892"/>
        <source>JSON 格式错误，第 {line} 行第 {column} 列：{why}</source>
        <translation>JSON error at line {line}, column {column}: {why}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="904"/>
        <source>JSON 同一对象中键 “{key}” 出现了两次</source>
        <translation>JSON: the key “{key}” appears twice in the same object</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="910"/>
        <source>JSON 格式错误：{why}</source>
        <translation>JSON error: {why}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="933"/>
        <source>不是事项目录文件（format 应为 “{format}”）</source>
        <translation>not a catalog file (format should be “{format}”)</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="941"/>
        <source>文件格式版本 {version} 比本程序支持的 {supported} 新，请先升级程序</source>
        <translation>file format version {version} is newer than the {supported} this program supports; upgrade the program first</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="950"/>
        <source>不支持的文件格式版本 {version}，应为 {supported}</source>
        <translation>unsupported file format version {version}, should be {supported}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="971"/>
        <source>实施编码重复，与第 {n} 个事项相同</source>
        <translation>the matter code is repeated: the same as matter no. {n}</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="1007"/>
        <source>无法读取文件（{why}）</source>
        <translation>cannot read the file ({why})</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog/loader.py" line="1041"/>
        <source>实施编码重复，已在 {file} 中出现</source>
        <translation>the matter code is repeated: it is already in {file}</translation>
    </message>
    <message>
        <location filename="../../district/publishing.py" line="63"/>
        <source>{a}；{b}</source>
        <translation>{a}; {b}</translation>
    </message>
    <message>
        <location filename="../../district/publishing.py" line="64"/>
        <source>事项 {code}：{details}</source>
        <translation>matter {code}: {details}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../clerk/options.py" line="71"/>
        <source>设置“{key}”须为 {items} 之一。</source>
        <translation>The setting “{key}” must be one of {items}.</translation>
    </message>
    <message>
        <location filename="../../clerk/options.py" line="66"/>
        <source>设置“{key}”须为数字，现在是“{value}”。</source>
        <extracomment>Every declared option by key (per-clerk options by their key template).</extracomment>
        <translation>The setting “{key}” must be a number, not “{value}”.</translation>
    </message>
    <message>
        <location filename="../../clerk/options.py" line="76"/>
        <source>设置“{key}”须在 {low} 与 {high} 之间，现在是 {value}。</source>
        <translation>The setting “{key}” must be between {low} and {high}; it is {value}.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="41"/>
        <location filename="../../district/auth.py" line="361"/>
        <source>角色须为 {items}。</source>
        <translation>The role must be one of {items}.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="45"/>
        <location filename="../../district/auth.py" line="366"/>
        <source>用户名 {username} 已存在。</source>
        <translation>User name {username} already exists.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="59"/>
        <source>没有名为 {username} 的窗口人员账号。</source>
        <translation>There is no clerk account named {username}.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="72"/>
        <location filename="../../clerk/accounts.py" line="81"/>
        <location filename="../../clerk/accounts.py" line="95"/>
        <source>没有名为 {username} 的账号。</source>
        <translation>There is no account named {username}.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="116"/>
        <source>当前密码不正确，密码未修改。</source>
        <translation>The current password is wrong; the password was not changed.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="121"/>
        <source>新密码不能与当前密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../clerk/accounts.py" line="132"/>
        <source>账号 {username} 已停用，请先启用再重置密码。</source>
        <translation>Account {username} is disabled; enable it before resetting its password.</translation>
    </message>
    <message>
        <location filename="../../clerk/applicants.py" line="114"/>
        <location filename="../../clerk/id_documents.py" line="261"/>
        <location filename="../../district/api/people.py" line="63"/>
        <source>不支持的证件类型：{id_type}</source>
        <extracomment>Every identity a person or organisation can be entered with: the documents a natural person shows (clerk.id_documents) and an organisation&apos;s credit code.</extracomment>
        <translation>Unsupported ID type: {id_type}</translation>
    </message>
    <message>
        <location filename="../../clerk/applicants.py" line="146"/>
        <location filename="../../clerk/applicants.py" line="180"/>
        <source>申请人不存在。</source>
        <translation>No such applicant.</translation>
    </message>
    <message>
        <location filename="../../clerk/applicants.py" line="165"/>
        <source>该证件号码的申请人已登记，请直接调取（applicant find）。</source>
        <translation>An applicant with this ID number is already registered; recall them instead (applicant find).</translation>
    </message>
    <message>
        <location filename="../../clerk/applicants.py" line="205"/>
        <source>该证件号码已登记，姓名为“{name}”，与输入的“{name2}”不一致。请核对证件；如姓名确已变更，请先在申请人页面修改。</source>
        <translation>This ID number is registered under the name “{name}”, which differs from “{name2}”. Check the ID document; if the name really changed, update it on the Applicants page first.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/supervision.py" line="103"/>
        <source>预警比例应大于0且不超过1（例如0.8表示用去80%的时限时预警），现在是{ratio}。请修改监察设置。</source>
        <translation>The warning ratio must be above 0 and at most 1 (0.8 warns when 80% of the time limit is used); it is {ratio}. Change the supervision settings.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/workdays.py" line="355"/>
        <source>期限的工作日数不能为负数（现在是{n}）。请检查事项的办理时限设置。</source>
        <translation>A time limit cannot be a negative number of working days ({n}). Check the matter&apos;s time limit.</translation>
    </message>
    <message>
        <location filename="../../clerk/calendar/workdays.py" line="396"/>
        <source>暂停的结束日期{end}早于开始日期{start}。请更正暂停记录。</source>
        <translation>The pause ends on {end}, before it starts on {start}. Correct the pause.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="150"/>
        <source>本事项没有材料“{key}”。</source>
        <translation>This matter has no material “{key}”.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="179"/>
        <source>请选择补交的容缺材料。</source>
        <translation>Choose the deferred materials handed in.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="187"/>
        <source>“{name}”不是待补交的容缺后补材料（未承诺后补，或已经补交），不能登记补交。</source>
        <translation>“{name}” is not an awaited deferred material (it was not promised for later, or has already been handed in); it cannot be recorded as handed in.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="196"/>
        <source>扫描件所属材料“{key}”不在本次补交之列。</source>
        <translation>The scan&apos;s material “{key}” is not among those handed in now.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="241"/>
        <source>“{name}”不是容缺后补材料，不能承诺后补。</source>
        <translation>“{name}” cannot be deferred: it is not a material that may be brought later.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="245"/>
        <source>“{name}”容缺后补须填写承诺补交日期。</source>
        <translation>Deferring “{name}” needs the date the applicant promises to bring it.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="249"/>
        <source>“{name}”不是附条件材料，不能标为不适用。</source>
        <translation>“{name}” is not conditional, so it cannot be marked not applicable.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/checklist.py" line="253"/>
        <source>“{name}”不在信息免交范围内，须由申请人提交。</source>
        <translation>“{name}” is not obtained from shared data; the applicant must bring it.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/ledger.py" line="129"/>
        <source>案件不存在。</source>
        <translation>No such case.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/ledger.py" line="139"/>
        <source>没有案件编号为 {case_no} 的办件。</source>
        <translation>There is no case numbered {case_no}.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="28"/>
        <source>案件的第一个事件必须是收件。</source>
        <translation>A case&apos;s first event must be its creation.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="34"/>
        <source>事件序号 {seq} 不接续（应为 {expected}）。</source>
        <translation>Event number {seq} does not follow on (expected {expected}).</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="56"/>
        <source>没有事件，无法重建案件。</source>
        <translation>No events: the case cannot be rebuilt.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="83"/>
        <source>收件事件所指的事项快照 {ref} 未随事件送达，或与其编号不符。</source>
        <translation>The matter snapshot {ref} named by the intake event was not sent with it, or does not match its reference.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="93"/>
        <source>事件 {type} 缺少字段：{items}</source>
        <translation>Event {type} lacks: {items}</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/event_checklist.py" line="103"/>
        <location filename="../../clerk/cases/projection.py" line="227"/>
        <source>事件 {type} 的字段 {field} 格式不对。</source>
        <extracomment>The fields an item copies from its material (the rest are the case&apos;s own). Case-own fields that are left out of a slim item when empty (they read as None). id(snapshot) -&gt; (the snapshot, its materials&apos; fields). The district shares one dict per snapshot among all the cases it keeps (district.snapshots), so the fields are worked out once per snapshot, not at every event; the snapshot is held so that its id is not reused, and snapshots are never changed in place.</extracomment>
        <translation>Field {field} of event {type} is malformed.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/event_checklist.py" line="116"/>
        <source>事件 {type} 的材料“{key}”不在本事项的材料中。</source>
        <translation>Material &quot;{key}&quot; of event {type} is not among this matter&apos;s materials.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/projection.py" line="247"/>
        <source>材料“{key}”的原件、复印件份数须为 0–99 的整数，且至少交一份。</source>
        <translation>The numbers of originals and copies of “{key}” must be whole numbers from 0 to 99, with at least one piece.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="226"/>
        <source>一次性告知原则：首次告知未列出“{names}”。再次告知增加新材料须填写理由，该情况将报区中心监察。</source>
        <translation>One-time notice rule: the first notice did not list “{names}”. A later notice that adds materials needs a justification, and is reported to the district&apos;s supervision.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="263"/>
        <source>不予受理必须写明理由。</source>
        <translation>A refusal needs a reason.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="291"/>
        <source>材料“{key}”不在本次补交之列。</source>
        <translation>Material “{key}” is not among those handed in now.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="346"/>
        <source>请写明特别程序（如公示、听证、专家评审）。</source>
        <translation>Name the special procedure (public posting, hearing, expert assessment …).</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="397"/>
        <source>已登记申请人不愿评价，无需再次登记。</source>
        <translation>The applicant&apos;s decline to rate is already recorded.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="413"/>
        <location filename="../../district/api/cases.py" line="226"/>
        <source>留言不能为空。</source>
        <translation>The comment is empty.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="440"/>
        <source>未知状态 {state}；可用：{items}</source>
        <translation>Unknown state {state}; known: {items}</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="539"/>
        <source>材料已齐全，应当场受理，不能出具补正告知。</source>
        <translation>Materials complete: accept now; a supplement notice is not allowed.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="565"/>
        <source>申请人已在手机上（办件进度页）评价了本件，每件只能评价一次。</source>
        <translation>The applicant has already rated this case on their phone (progress page); a case is rated only once.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="574"/>
        <source>评价等级须为 1–5（5 非常满意 … 1 非常不满意）。</source>
        <translation>The rating must be 1–5 (5 very satisfied … 1 very dissatisfied).</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/service.py" line="579"/>
        <source>申请人不愿评价时不记录评价等级；请登记“申请人不愿评价”。</source>
        <translation>A decline carries no rating level; record &quot;Applicant declined to rate&quot; instead.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="143"/>
        <source>案件不存在，无法留言。</source>
        <extracomment>States in which the station continues a case at the counter (补正 / 继续受理).</extracomment>
        <translation>No such case: nothing to comment on.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="151"/>
        <source>案件当前状态为“{current}”，不能执行“{action}”。</source>
        <translation>The case is “{current}”: “{action}” is not possible now.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="156"/>
        <source>案件当前由{owner}负责，{side}不能更改它的状态。</source>
        <translation>The case is with {owner}; {side} cannot change its state.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="161"/>
        <source>“{action}”只能由{side}执行。</source>
        <translation>Only {side} can do “{action}”.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="172"/>
        <source>本事项由站点办结，不需要上报区级。</source>
        <translation>This matter is decided at the station; it is not escalated to the district.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="177"/>
        <source>本事项须上报区级审批，不能在站点直接办结。</source>
        <translation>This matter is decided by the district: escalate it; the station cannot complete it.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="181"/>
        <source>仍有必要材料未收齐，不能受理；请出具一次性告知单。</source>
        <translation>Required materials are still missing, so the case cannot be accepted; issue the one-time notice.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="185"/>
        <source>该案件已有评价，每件只能评价一次。</source>
        <translation>This case is already rated; a case is rated once.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="189"/>
        <source>已有进行中的特别程序，请先结束它。</source>
        <translation>A special procedure is under way; end it first.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/states.py" line="193"/>
        <source>没有进行中的特别程序。</source>
        <translation>No special procedure is under way.</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog_store.py" line="36"/>
        <source>事项 {code} 的版本 {version} 已导入过且内容不同；修改事项须提高版本号。</source>
        <translation>Matter {code} version {version} was imported before with different content; a changed matter needs a higher version.</translation>
    </message>
    <message>
        <location filename="../../clerk/catalog_store.py" line="67"/>
        <source>事项编码 {code} 不在本站事项目录中（可用 catalog list 查看）。</source>
        <translation>Matter {code} is not in this station&apos;s catalog (see catalog list).</translation>
    </message>
    <message>
        <location filename="../../clerk/documents.py" line="59"/>
        <source>未知文书类型 {kind}；可用：{items}</source>
        <extracomment>How a document left the station: on paper, or written to a PDF file. The case shows 已打印 only for paper; a document only saved shows 已保存 PDF.</extracomment>
        <translation>Unknown document kind {kind}; known: {items}</translation>
    </message>
    <message>
        <location filename="../../clerk/documents.py" line="96"/>
        <source>未知的文书输出方式 {output}（可用：printed、saved）。</source>
        <translation>Unknown document output {output} (use: printed, saved).</translation>
    </message>
    <message>
        <location filename="../../clerk/scans.py" line="100"/>
        <source>只能保存 PDF、PNG 或 JPEG 扫描件。</source>
        <extracomment>The district refuses larger files (district.config max_blob_bytes); refused here first. The first bytes of a sealed scan (never the start of a PDF, PNG or JPEG).</extracomment>
        <translation>Only PDF, PNG or JPEG scans can be kept.</translation>
    </message>
    <message>
        <location filename="../../clerk/scans.py" line="104"/>
        <source>扫描件不能超过 {megabytes} MB。</source>
        <translation>A scan can be at most {megabytes} MB.</translation>
    </message>
    <message>
        <location filename="../../clerk/station.py" line="48"/>
        <location filename="../../district/auth.py" line="356"/>
        <source>用户名须以小写字母开头，2–32 位小写字母、数字、点、下划线或连字符。</source>
        <translation>A user name starts with a lower-case letter: 2–32 lower-case letters, digits, dots, underscores or hyphens.</translation>
    </message>
    <message>
        <location filename="../../clerk/station.py" line="57"/>
        <location filename="../../district/auth.py" line="437"/>
        <source>密码至少 {min_password} 位。</source>
        <translation>The password needs at least {min_password} characters.</translation>
    </message>
    <message>
        <location filename="../../clerk/station.py" line="76"/>
        <source>咨询电话只能包含数字、空格、连字符和括号，至少 7 位数字（如 010-6234 5678）。</source>
        <translation>The enquiry phone may contain only digits, spaces, hyphens and parentheses, with at least 7 digits (e.g. 010-6234 5678).</translation>
    </message>
    <message>
        <location filename="../../clerk/station.py" line="82"/>
        <source>地址最多 {max} 个字，且不能含控制字符。</source>
        <translation>The address holds at most {max} characters and no control characters.</translation>
    </message>
    <message>
        <location filename="../../clerk/station.py" line="94"/>
        <source>站点级别须为 street 或 community。</source>
        <translation>The station level must be street or community.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="127"/>
        <location filename="../../clerk/store/db.py" line="166"/>
        <source>数据文件 {path} 不是可用的 StationDesk 数据库（{exc}）。请从备份恢复，或换一个数据目录。</source>
        <translation>The data file {path} is not a usable StationDesk database ({exc}). Restore it from a backup, or use another data directory.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="265"/>
        <source>数据文件 {path} 已损坏，无法读取（{orig}）。请从备份恢复。</source>
        <extracomment>The SQLCipher key (what the scans&apos; key is derived from).</extracomment>
        <translation>The data file {path} is damaged and cannot be read ({orig}). Restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="382"/>
        <source>备份目标 {target} 已存在，请换一个文件名。</source>
        <translation>The backup target {target} already exists; choose another file name.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="171"/>
        <location filename="../../clerk/store/schema.py" line="38"/>
        <source>这个数据库不是由 {product} 创建的（没有版本信息）。请换一个数据目录或空数据库。</source>
        <translation>This database was not created by {product} (it has no version). Use another data directory or an empty database.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="43"/>
        <source>数据库已损坏（{problem}）。为免损坏扩大，本机已停止保存新的数据。请停止在本机办件，联系管理员用最近的备份恢复（python -m clerk doctor 可查看详情）。</source>
        <extracomment>The one state a damaged store is in, whatever noticed it (the background check, the check before a backup, or SQLite refusing a page in the middle of some query).</extracomment>
        <translation>The database is damaged ({problem}). To keep the damage from spreading, this computer has stopped saving new data. Stop handling cases on this computer and ask the administrator to restore the latest backup (python -m clerk doctor shows the details).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="121"/>
        <source>数据文件 {path} 是空的（0 字节），不是可用的 StationDesk 数据库，本程序没有改动它。请从备份恢复，或换一个数据目录。</source>
        <extracomment>Errors of either driver: SQLCipher&apos;s (the store) and the standard library&apos;s (a plaintext file read once to encrypt it). Each connection&apos;s page cache (KiB of decrypted pages; see _configure_sqlite). The page cache of the connection running the integrity check (it reads each page once).</extracomment>
        <translation>The data file {path} is empty (0 bytes) and not a usable StationDesk database; it was left unchanged. Restore it from a backup, or choose another data directory.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="161"/>
        <source>密钥环中的密钥打不开数据文件 {path}（它属于另一个数据库），数据没有改动。请用恢复密钥解锁：python -m clerk unlock --recovery-key …</source>
        <translation>The key in the keyring does not open the data file {path} (it belongs to another database); nothing was changed. Unlock with the recovery key: python -m clerk unlock --recovery-key …</translation>
    </message>
    <message>
        <location filename="../../clerk/store/db.py" line="176"/>
        <location filename="../../clerk/store/schema.py" line="51"/>
        <source>数据库版本 {rev} 来自更新版本的 {product}，本程序无法安全使用它。请升级 {product2} 后再打开，数据未被改动。</source>
        <translation>Database version {rev} comes from a newer {product}; this program cannot use it safely. Upgrade {product2} and open it again; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="182"/>
        <location filename="../../clerk/store/db.py" line="407"/>
        <source>备份副本 {target} 校验未通过（{problem}），已删除。请换一个位置（例如另一块磁盘）再备份一次。</source>
        <translation>The backup copy {target} failed its check ({problem}) and was deleted. Back up again to another place (another disk, for example).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/schema.py" line="60"/>
        <source>数据库版本为 {revision}，需要 {head}；{migrate_hint}</source>
        <translation>The database is at version {revision}, {head} is needed; {migrate_hint}</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="144"/>
        <source>这是15位的旧身份证号码，已停止使用。请输入证件上的18位公民身份号码。</source>
        <extracomment>Beijing&apos;s current county-level codes (统计用区划代码, first 6 digits) and names. Retired Beijing county codes still printed on older ID cards, with their successor. An ID keeps the code of the place it was first issued, so these stay valid forever. First two digits of a resident ID&apos;s area code that can really occur: the 31 mainland provinces, Taiwan (71), Hong Kong (81), Macao (82), plus 83, which the residence permits for Taiwan residents (港澳台居民居住证, numbered like resident IDs) use.</extracomment>
        <translation>This is an old 15-digit ID number, no longer in use. Enter the 18-character number on the ID card.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="149"/>
        <source>身份证号码应为18位，现在是{count}位。请对照证件重新输入。</source>
        <translation>An ID number has 18 characters; this one has {count}. Enter it again from the ID card.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="154"/>
        <source>身份证号码只能由数字组成，最后一位可以是字母X。请检查是否混入了字母或符号。</source>
        <translation>An ID number is digits only; the last may be the letter X. Check for stray letters or symbols.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="165"/>
        <source>身份证号码第7至14位的出生日期“{text}”不是有效日期。请核对证件重新输入。</source>
        <translation>The birth date in characters 7–14, “{text}”, is not a real date. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="170"/>
        <source>身份证号码中的出生日期{birth}早于1900年，不可能正确。请核对证件重新输入。</source>
        <translation>The birth date {birth} is before 1900, which cannot be right. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="175"/>
        <source>身份证号码中的出生日期{birth}晚于今天，不可能正确。请核对证件重新输入。</source>
        <translation>The birth date {birth} is after today, which cannot be right. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="187"/>
        <source>身份证号码前两位“{province}”不是有效的省级行政区划代码。请核对证件重新输入。</source>
        <translation>The first two digits, “{province}”, are not a province code. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="198"/>
        <source>身份证号码校验不通过：按前17位计算，第18位应为“{expected}”，而输入的是“{given}”。这说明号码中有输入错误（可能在任意一位），请对照证件逐位核对后重新输入。</source>
        <translation>The ID number does not check: from the first 17 characters the 18th should be “{expected}”, not “{given}”. Some character is mistyped (it may be any of them); compare each one with the ID card.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="279"/>
        <source>统一社会信用代码应为18位，现在是{count}位。请对照营业执照或登记证书重新输入。</source>
        <extracomment>GB 32100 character set: digits and upper-case letters without I, O, S, V, Z. Registration-authority codes (登记管理部门代码, first character) assigned so far: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业农村 (村集体经济组织), Y 其他.</extracomment>
        <translation>A unified social credit code has 18 characters; this one has {count}. Enter it again from the business licence or registration certificate.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="285"/>
        <source>统一社会信用代码中不能出现“{items}”：只使用数字和除I、O、S、V、Z以外的大写字母。请核对证照重新输入（注意数字0与字母O、数字1与字母I的区别）。</source>
        <translation>A unified social credit code cannot contain “{items}”: only digits and capital letters other than I, O, S, V, Z. Check the certificate (0 is not O, 1 is not I).</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="292"/>
        <source>统一社会信用代码第1位“{authority}”不是有效的登记管理部门代码。请核对证照重新输入。</source>
        <translation>The first character, “{authority}”, is not a registration authority code. Check the certificate and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="297"/>
        <source>统一社会信用代码第2至8位（机构类别和登记管理机关行政区划码）应全部是数字。请核对证照重新输入。</source>
        <translation>Characters 2–8 (organization type and the authority&apos;s area code) must all be digits. Check the certificate and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="303"/>
        <source>统一社会信用代码校验不通过：按前17位计算，第18位应为“{expected}”，而输入的是“{given}”。这说明代码中有输入错误（可能在任意一位），请对照证照逐位核对。</source>
        <translation>The code does not check: from the first 17 characters the 18th should be “{expected}”, not “{given}”. Some character is mistyped (it may be any of them); compare each one with the certificate.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="329"/>
        <source>手机号码只能包含数字。请重新输入。</source>
        <translation>A mobile number is digits only. Enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="333"/>
        <source>手机号码应为11位，现在是{count}位。请核对后重新输入。</source>
        <translation>A mobile number has 11 digits; this one has {count}. Check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="337"/>
        <source>手机号码应以13至19开头。请核对后重新输入；固定电话请填写在其他联系方式中。</source>
        <translation>A mobile number starts with 13 to 19. Check it; put a landline under other contacts.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="365"/>
        <source>姓名中含有不可见的控制字符（常见于复制粘贴）。请删除后重新输入。</source>
        <translation>The name contains invisible control characters (often from copy and paste). Remove them and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="371"/>
        <source>姓名不能为空。请输入姓名。</source>
        <translation>The name is empty. Enter the name.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="375"/>
        <source>姓名最多{name_max_length}个字，现在是{count}个。请核对后重新输入。</source>
        <translation>A name has at most {name_max_length} characters; this one has {count}. Check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="427"/>
        <source>证件号码不足4位，无法取后4位。请核对证件号码。</source>
        <translation>The ID number has fewer than 4 characters, so there are no last 4. Check the ID number.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="453"/>
        <source>服务站代码应为12位数字（统计用区划代码），现在是“{text}”。请核对后重新输入。</source>
        <translation>A station code is 12 digits (the statistical area code); it is “{text}”. Check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="461"/>
        <source>服务站代码第7至9位（街道/乡镇）应在001至399之间，现在是“{township}”。请核对统计用区划代码。</source>
        <translation>Digits 7–9 (street or township) must be 001 to 399; they are “{township}”. Check the statistical area code.</translation>
    </message>
    <message>
        <location filename="../../clerk/validation.py" line="466"/>
        <source>服务站代码第10至12位（社区/村）应在000至399之间（000表示街道/乡镇本级），现在是“{village}”。请核对统计用区划代码。</source>
        <translation>Digits 10–12 (community or village) must be 000 to 399 (000 is the street or township itself); they are “{village}”. Check the statistical area code.</translation>
    </message>
    <message>
        <location filename="../../clerk/workspace.py" line="183"/>
        <location filename="../../clerk/workspace.py" line="405"/>
        <source>本机尚未初始化站点，请先运行 init（或在首次启动时完成设置）。</source>
        <translation>This machine has no station yet: run init (or finish the set-up at first start).</translation>
    </message>
    <message>
        <location filename="../../clerk/workspace.py" line="213"/>
        <source>本数据目录已初始化过站点。</source>
        <translation>This data directory already has a station.</translation>
    </message>
    <message>
        <location filename="../../clerk/workspace.py" line="254"/>
        <source>账号 {username} 已停用。</source>
        <translation>Account {username} is disabled.</translation>
    </message>
    <message>
        <location filename="../../clerk/workspace.py" line="263"/>
        <source>本站还没有窗口人员账号。</source>
        <translation>This station has no clerk accounts yet.</translation>
    </message>
    <message>
        <location filename="../../clerk/workspace.py" line="266"/>
        <source>本站有多个账号，请用 --clerk 指明经办人。</source>
        <translation>This station has several accounts: name the clerk with --clerk.</translation>
    </message>
    <message>
        <location filename="../../district/actions.py" line="50"/>
        <source>您的角色不能对该案件执行这个操作（代办员只能办理指派给自己的案件）。</source>
        <translation>Your role cannot do this to the case (a proxy agent handles only the cases assigned to them).</translation>
    </message>
    <message>
        <location filename="../../district/actions.py" line="57"/>
        <location filename="../../district/api/cases.py" line="94"/>
        <location filename="../../district/api/cases.py" line="106"/>
        <location filename="../../district/api/cases.py" line="241"/>
        <location filename="../../district/api/oversight.py" line="80"/>
        <location filename="../../district/api/sync.py" line="128"/>
        <source>没有这个案件。</source>
        <translation>No such case.</translation>
    </message>
    <message>
        <location filename="../../district/actions.py" line="61"/>
        <source>案件已被更新（当前版本 {version}，您依据的是 {expected_version}）；请刷新后重新决定。</source>
        <translation>The case has changed (it is at version {version}, you saw {expected_version}); refresh and decide again.</translation>
    </message>
    <message>
        <location filename="../../district/actions.py" line="119"/>
        <source>{proxy_agent} 不是在岗的代办员。</source>
        <translation>{proxy_agent} is not an active proxy agent.</translation>
    </message>
    <message>
        <location filename="../../district/admin.py" line="88"/>
        <source>无法读取文件 {path}：{strerror}</source>
        <translation>Cannot read the file {path}: {strerror}</translation>
    </message>
    <message>
        <location filename="../../district/admin.py" line="107"/>
        <source>地址须在 {address} 字以内、电话须在 {phone} 个字符以内，且不含控制字符。</source>
        <translation>The address must be at most {address} characters and the phone at most {phone}, without control characters.</translation>
    </message>
    <message>
        <location filename="../../district/admin.py" line="115"/>
        <source>没有编码为 {code} 的站点。</source>
        <translation>There is no station with the code {code}.</translation>
    </message>
    <message>
        <location filename="../../district/api/auth.py" line="37"/>
        <source>登记尝试过多，请稍后再试。</source>
        <translation>Too many enrollment attempts; try again later.</translation>
    </message>
    <message>
        <location filename="../../district/api/auth.py" line="67"/>
        <source>登录失败次数过多，请稍后再试。</source>
        <translation>Too many failed sign-ins; try again later.</translation>
    </message>
    <message>
        <location filename="../../district/api/auth.py" line="98"/>
        <source>用户名或密码不正确，或账号已停用。</source>
        <translation>Wrong user name or password, or the account is disabled.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="60"/>
        <source>只接受以下类型：{items}。</source>
        <translation>Only these types are accepted: {items}.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="66"/>
        <location filename="../../district/api/blobs.py" line="72"/>
        <source>扫描件超过 {max_blob_bytes} 字节。</source>
        <translation>The scan is larger than {max_blob_bytes} bytes.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="75"/>
        <source>扫描件内容为空。</source>
        <translation>The scan is empty.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="79"/>
        <source>上传内容与地址中的 sha256 不符，未保存。</source>
        <translation>The upload does not match the sha256 in its address; nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="85"/>
        <source>扫描件内容不是所声明的类型 {declared}（只接受 PDF、PNG、JPEG 文件）；未保存。</source>
        <translation>The scan&apos;s content is not of the declared type {declared} (only PDF, PNG and JPEG files are accepted); nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="122"/>
        <source>没有这个扫描件。</source>
        <translation>No such scan.</translation>
    </message>
    <message>
        <location filename="../../district/api/blobs.py" line="127"/>
        <source>代办员只能取回指派给本人的案件的扫描件。</source>
        <translation>A proxy agent can fetch scans only of cases assigned to them.</translation>
    </message>
    <message>
        <location filename="../../district/api/cases.py" line="139"/>
        <source>代办员只能查看指派给本人的案件的完整记录。</source>
        <translation>A proxy agent can view the full record only of cases assigned to them.</translation>
    </message>
    <message>
        <location filename="../../district/api/cases.py" line="143"/>
        <source>请写明查看完整号码的理由。</source>
        <translation>Please state why you need the full numbers.</translation>
    </message>
    <message>
        <location filename="../../district/api/cases.py" line="217"/>
        <source>不予批准必须写明理由。</source>
        <translation>A denial needs a reason.</translation>
    </message>
    <message>
        <location filename="../../district/api/cases.py" line="237"/>
        <location filename="../../district/api/oversight.py" line="75"/>
        <source>只有审核人员或管理员可以记录差评整改。</source>
        <translation>Only reviewers and admins can record the follow-up of a bad rating.</translation>
    </message>
    <message>
        <location filename="../../district/api/cases.py" line="245"/>
        <location filename="../../district/api/oversight.py" line="84"/>
        <source>该案件没有差评，无需整改。</source>
        <translation>The case has no bad rating: nothing to follow up.</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="79"/>
        <source>需要令牌（Authorization: Bearer …）。</source>
        <translation>A token is needed (Authorization: Bearer …).</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="96"/>
        <source>令牌无效、已吊销或已过期；站点请重新登记，工作人员请重新登录。</source>
        <translation>The token is invalid, revoked or expired: stations enroll again, staff sign in again.</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="109"/>
        <source>这个接口只供站点设备使用。</source>
        <translation>Only station devices use this endpoint.</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="122"/>
        <source>站点令牌不能使用区中心工作人员的接口。</source>
        <translation>A station token cannot use the district staff&apos;s endpoints.</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="130"/>
        <source>请先修改管理员设置的一次性密码。</source>
        <translation>First change the one-time password an administrator set.</translation>
    </message>
    <message>
        <location filename="../../district/api/deps.py" line="139"/>
        <source>需要以下角色之一：{items}。</source>
        <translation>This needs one of these roles: {items}.</translation>
    </message>
    <message>
        <location filename="../../district/api/oversight.py" line="40"/>
        <location filename="../../district/api/reports.py" line="36"/>
        <source>起始日期晚于结束日期。</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <location filename="../../district/api/public.py" line="43"/>
        <source>数据库不可用。</source>
        <translation>The database is not available.</translation>
    </message>
    <message>
        <location filename="../../district/progress.py" line="25"/>
        <source>查询过于频繁，请稍后再试。</source>
        <translation>Too many look-ups; try again later.</translation>
    </message>
    <message>
        <location filename="../../district/api/public.py" line="190"/>
        <source>事件类型须为 {items}。</source>
        <translation>The event kind must be one of {items}.</translation>
    </message>
    <message>
        <location filename="../../district/api/push_queue.py" line="138"/>
        <source>与并发写入冲突，请稍后重试。</source>
        <translation>Collided with concurrent writes; try again shortly.</translation>
    </message>
    <message>
        <location filename="../../district/api/push_queue.py" line="194"/>
        <source>一批最多 {limit} 条事件和留言，本批 {size} 条；请分批推送。</source>
        <translation>A batch holds at most {limit} events and notes, this one {size}; push it in parts.</translation>
    </message>
    <message>
        <location filename="../../district/api/push_queue.py" line="234"/>
        <source>请求体不是有效的 JSON。</source>
        <translation>The request body is not valid JSON.</translation>
    </message>
    <message>
        <location filename="../../district/api/push_queue.py" line="238"/>
        <source>请求内容不符合接口定义（见 errors）。</source>
        <translation>The request does not fit the interface (see errors).</translation>
    </message>
    <message>
        <location filename="../../district/api/review_queue.py" line="55"/>
        <source>翻页游标无效；请从第一页重新加载。</source>
        <translation>The page cursor is invalid; load again from the first page.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="171"/>
        <source>登记码无效、已使用或已过期；请向区中心管理员索取新的登记码。</source>
        <extracomment>A device whose answer was lost may retry with the same code for this long.</extracomment>
        <translation>The enrollment code is invalid, used or expired; ask the district&apos;s admin for a new one.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="189"/>
        <source>没有站点 {code}（或已吊销）。</source>
        <translation>There is no station {code} (or it has been revoked).</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="198"/>
        <source>设备名称须为 1–50 个字符，例如“2号窗口”。</source>
        <translation>A device name has 1–50 characters, e.g. “Window 2”.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="202"/>
        <source>窗口号须为 1–{max} 之间的整数。</source>
        <translation>The window number must be a whole number from 1 to {max}.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="247"/>
        <source>本站已有设备“{name}”（窗口号 {number}）。请给本机另起名称、另设窗口号（1–99，与其他窗口不同）后再登记；如是换机，请先请区中心吊销旧设备。</source>
        <translation>The station already has a device “{name}” (window number {number}). Give this PC another name and another window number (1–99, different from the other windows) and enroll again; if this PC replaces that one, ask the district to revoke the old device first.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="286"/>
        <location filename="../../district/auth.py" line="336"/>
        <source>没有站点 {code}。</source>
        <translation>There is no station {code}.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="323"/>
        <source>站点 {code} 没有在用的设备“{name}”。</source>
        <translation>Station {code} has no device “{name}” in use.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="446"/>
        <source>没有账号 {username}。</source>
        <translation>There is no account {username}.</translation>
    </message>
    <message>
        <location filename="../../district/auth.py" line="463"/>
        <source>不能停用自己正在使用的账号。</source>
        <translation>You cannot disable the account you are signed in with.</translation>
    </message>
    <message>
        <location filename="../../district/cli.py" line="279"/>
        <source>标准输入中没有密码。</source>
        <translation>There is no password on standard input.</translation>
    </message>
    <message>
        <location filename="../../district/cli.py" line="284"/>
        <source>没有终端可以提示输入密码；请用 --password-stdin。</source>
        <translation>No terminal to ask for a password; use --password-stdin.</translation>
    </message>
    <message>
        <location filename="../../district/cli.py" line="289"/>
        <source>两次输入的密码不一致。</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../district/reference.py" line="81"/>
        <source>获取方式（--url）必须填写，最多 {limit} 个字符。</source>
        <translation>Where to get it (--url) is required, at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../district/reference.py" line="96"/>
        <source>事项 {code} 的版本 {version} 已发布过且内容不同；修改事项须提高版本号。</source>
        <translation>Matter {code} version {version} was published before with different content; a changed matter needs a higher version.</translation>
    </message>
    <message>
        <location filename="../../apiclient/http.py" line="47"/>
        <source>服务器地址须以 http:// 或 https:// 开头：{url}</source>
        <translation>The server address must start with http:// or https://: {url}</translation>
    </message>
    <message>
        <location filename="../../apiclient/http.py" line="116"/>
        <source>无法验证区中心服务器的证书（{name}）；如使用区内部证书，请配置 CA 证书文件。</source>
        <translation>Cannot verify the district server&apos;s certificate ({name}); for a district-internal certificate, configure the CA certificate file.</translation>
    </message>
    <message>
        <location filename="../../apiclient/http.py" line="138"/>
        <source>区中心暂时不可用（HTTP {status_code}）：{message}</source>
        <translation>The district center is unavailable for now (HTTP {status_code}): {message}</translation>
    </message>
    <message>
        <location filename="../../apiclient/http.py" line="149"/>
        <location filename="../../apiclient/http.py" line="160"/>
        <location filename="../../apiclient/http.py" line="171"/>
        <source>区中心的回答无法识别（{name}）。</source>
        <translation>The district&apos;s answer could not be read ({name}).</translation>
    </message>
    <message>
        <location filename="../../sync/client.py" line="110"/>
        <source>区中心的回答不是 JSON。</source>
        <translation>The district&apos;s answer is not JSON.</translation>
    </message>
    <message>
        <location filename="../../sync/credentials.py" line="29"/>
        <source>本机没有可用的系统密钥环（keyring），设备令牌无法安全保存。请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定一个后端；也可以在每次同步时用 --token-stdin 输入令牌。</source>
        <translation>This machine has no usable system keyring, so the device token cannot be kept safely. Turn on the system&apos;s credential service (Windows Credential Manager, macOS Keychain, Linux Secret Service) or name a backend in PYTHON_KEYRING_BACKEND; or give the token with --token-stdin at each sync.</translation>
    </message>
    <message>
        <location filename="../../sync/credentials.py" line="57"/>
        <source>无法把设备令牌写入密钥环（{kind}）。{advice}</source>
        <translation>Cannot write the device token to the keyring ({kind}). {advice}</translation>
    </message>
    <message>
        <location filename="../../sync/credentials.py" line="65"/>
        <source>无法从密钥环读取设备令牌（{kind}）。</source>
        <translation>Cannot read the device token from the keyring ({kind}).</translation>
    </message>
    <message>
        <location filename="../../staff_client/client.py" line="63"/>
        <source>本机没有可用的系统密钥环（keyring），无法“记住我”：登录令牌不会保存，下次启动需要重新输入密码。如需记住登录，请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定后端。</source>
        <translation>This machine has no usable system keyring, so “remember me” cannot work: the sign-in token is not kept and the password is asked again next time. To be remembered, turn on the system&apos;s credential service (Windows Credential Manager, macOS Keychain, Linux Secret Service) or name a backend in PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <location filename="../../staff_client/client.py" line="280"/>
        <source>无法把登录令牌写入密钥环（{kind}）。{advice}</source>
        <translation>Cannot write the sign-in token to the keyring ({kind}). {advice}</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="86"/>
        <source>区中心拒收了 {count} 个事件（案件 {cases}），例如：{reason}。请在“同步”页查看每条原因；按原因更正后，由管理员运行 python -m clerk sync --retry-rejected 重新推送，无法更正的请联系区中心。</source>
        <extracomment>`python -m clerk sync` exit status per outcome.</extracomment>
        <translation>The district center refused {count} event(s) (cases {cases}), for example: {reason}. See each reason on the Sync page; once corrected, an administrator runs python -m clerk sync --retry-rejected to push them again; ask the district center about any that cannot be corrected.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="90"/>
        <source>{count} 件案件因扫描件缺失或损坏暂未推送（{cases}）。请在案件中重新扫描该材料，或把原文件放回数据目录后再同步；运行 doctor 可查看是哪些文件。</source>
        <translation>{count} case(s) were held back because a scan is missing or damaged ({cases}). Scan the material again in the case, or put the original file back into the data directory and sync again; run doctor to see which files.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="93"/>
        <source>区中心的 {count} 条事件本站无法应用（已隔离，案件 {cases}）。请联系区中心核对这些案件。</source>
        <translation>{count} district event(s) could not be applied here (set aside; cases {cases}). Ask the district center to check these cases.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="96"/>
        <source>区中心发布的{what}本站无法使用：{reason}。本站继续使用原来的版本，已告知区中心；请联系区中心更正后重新发布。</source>
        <translation>The {what} published by the district center cannot be used here: {reason}. This station keeps its previous version and has told the district center; ask them to correct and publish it again.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="99"/>
        <source>{count} 件案件与本站另一窗口的操作冲突（{cases}）：另一窗口已先办理，本机离线时的操作未被接收，已原样保留。请在“同步”页的“同步冲突”中核对，选择在当前版本上重做或放弃（python -m clerk conflicts list）。</source>
        <translation>{count} case(s) conflict with another counter of this station ({cases}): the other counter acted first; this PC&apos;s offline steps were not accepted and are kept as they were. Check them under Sync conflicts on the Sync page and redo them on the current version or discard them (python -m clerk conflicts list).</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="103"/>
        <source>事项目录</source>
        <translation>matter catalog</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="104"/>
        <source>节假日安排</source>
        <translation>holiday calendar</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="151"/>
        <source>本站尚未登记到区中心，还不能同步。请管理员在“同步”页点“登记到区中心…”，填写区中心地址和区中心给的登记码。</source>
        <translation>This station is not enrolled with the district center yet, so it cannot sync. An administrator clicks “Enroll with the district…” on the Sync page and enters the district address and the enrollment code the district gave.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="234"/>
        <source>本机的设备令牌属于站点 {their_station} 的设备“{their_device}”（窗口号 {their_no}），而本机是站点 {station} 的窗口号 {no}；本轮未推送任何内容。可能是同一系统账户下的另一个数据目录登记时换掉了令牌：请管理员在“同步”页点“重新登记…”为本机重新登记。</source>
        <translation>This computer&apos;s device token belongs to device “{their_device}” of station {their_station} (window {their_no}), but this computer is window {no} of station {station}; nothing was pushed in this round. Another data directory under the same system account may have replaced the token when it enrolled: an administrator clicks “Enroll again…” on the Sync page to enroll this computer again.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="160"/>
        <source>密钥环中没有本机的设备令牌；请重新登记（enroll）。</source>
        <translation>The keyring holds no device token for this PC; enroll again.</translation>
    </message>
    <message>
        <location filename="../../sync/engine.py" line="221"/>
        <source>区中心返回的站点编码或窗口号与本机不符，未保存令牌。</source>
        <translation>The district answered with another station code or window number than this PC&apos;s; the token was not saved.</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="120"/>
        <source>评价渠道“{value}”无效：须为 device（窗口评价器）、phone（申请人手机）或 clerk_on_behalf（窗口人员代为录入）。</source>
        <extracomment>The channels a score may come through (a decline carries none). The channels the clerk records (named in the rating); the others are the citizen&apos;s own.</extracomment>
        <translation>Invalid rating channel “{value}”: use device (counter rating device), phone (citizen’s phone) or clerk_on_behalf (entered by staff).</translation>
    </message>
    <message>
        <location filename="../../clerk/issuing.py" line="143"/>
        <source>请填写机关的完整名称（不超过 {max} 字），例如“北京市东城区东华门街道办事处”。</source>
        <translation>Enter the authority&apos;s full name (at most {max} characters), e.g. “北京市东城区东华门街道办事处”.</translation>
    </message>
    <message>
        <location filename="../../clerk/issuing.py" line="155"/>
        <source>一次性告知依据不超过 {max} 字。</source>
        <translation>The one-time notice basis is at most {max} characters.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="57"/>
        <source>居民身份证</source>
        <extracomment>Document type → its name (a marked message, translated where shown).</extracomment>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="58"/>
        <source>港澳台居民居住证</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="59"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent resident ID card</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="60"/>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland travel permit for Hong Kong and Macao residents</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="61"/>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland travel permit for Taiwan residents</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="62"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="119"/>
        <source>{doc}号码应为18位，现在是{count}位。请对照证件重新输入。</source>
        <extracomment>Area codes of the residence permits for Hong Kong, Macao and Taiwan residents.</extracomment>
        <translation>The number of a {doc} has 18 characters; this has {count}. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="123"/>
        <source>{doc}号码只能由数字组成，最后一位可以是字母X。请检查是否混入了字母或符号。</source>
        <translation>The number of a {doc} consists of digits; only the last may be the letter X. Check for stray letters or symbols.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="131"/>
        <source>{doc}号码校验不通过：按前17位计算，第18位应为“{expected}”，而输入的是“{given}”。这说明号码中有输入错误（可能在任意一位），请对照证件逐位核对后重新输入。</source>
        <translation>The {doc} number fails its check: from the first 17 characters the 18th should be “{expected}”, but “{given}” was entered. There is a typo (in any position); compare every character with the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="142"/>
        <source>{doc}号码第7至14位的出生日期“{text}”不是有效日期。请核对证件重新输入。</source>
        <translation>The birth date “{text}” in characters 7–14 of the {doc} number is not a valid date. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="146"/>
        <source>{doc}号码中的出生日期{birth}不可能正确（早于1900年或晚于今天）。请核对证件重新输入。</source>
        <translation>The birth date {birth} in the {doc} number cannot be right (before 1900 or after today). Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="158"/>
        <source>港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）或830000（台湾），现在是“{area}”。请核对证件；内地居民的证件请选择“居民身份证”。</source>
        <translation>A residence permit number for Hong Kong, Macao and Taiwan residents starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan); this starts with “{area}”. Check the document; for a mainland resident choose “Resident ID card”.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="175"/>
        <source>15位的外国人永久居留身份证号码（2017年版）应为3个字母（国籍代码）加12位数字。请对照证件重新输入。</source>
        <translation>A 15-character foreign permanent resident ID number (2017 card) is 3 letters (nationality) + 12 digits. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="180"/>
        <source>外国人永久居留身份证号码应为15位（2017年版，3个字母加12位数字）或18位（2023年版，以9开头），现在是{count}位。请对照证件重新输入。</source>
        <translation>A foreign permanent resident ID number has 15 characters (2017 card: 3 letters + 12 digits) or 18 (2023 card, starting with 9); this has {count}. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="186"/>
        <source>18位的外国人永久居留身份证号码（2023年版）以9开头，现在是“{first}”。请核对证件；中国公民的证件请选择“居民身份证”。</source>
        <translation>An 18-character foreign permanent resident ID number (2023 card) starts with 9; this starts with “{first}”. Check the document; for a Chinese citizen choose “Resident ID card”.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="199"/>
        <source>港澳居民来往内地通行证号码以字母H（香港居民）或M（澳门居民）开头。请对照证件重新输入。</source>
        <translation>A mainland travel permit number for Hong Kong and Macao residents starts with H (Hong Kong) or M (Macao). Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="203"/>
        <source>港澳居民来往内地通行证号码应为H或M加8位或10位数字，现在字母后有{count}个字符。请对照证件重新输入。</source>
        <translation>A mainland travel permit number for Hong Kong and Macao residents is H or M + 8 or 10 digits; this has {count} characters after the letter. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="215"/>
        <source>台湾居民来往大陆通行证号码为8位数字。旧版本式通行证号码较长，其前8位即终身号码（换领的卡式通行证号码与之相同），请输入前8位。</source>
        <translation>A mainland travel permit number for Taiwan residents has 8 digits. An old booklet&apos;s longer number begins with the lifelong number (the card issued in its place carries the same): enter its first 8 digits.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="219"/>
        <source>台湾居民来往大陆通行证号码应为8位数字，现在是{count}个字符。请对照证件重新输入。</source>
        <translation>A mainland travel permit number for Taiwan residents has 8 digits; this has {count} characters. Check the document and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="232"/>
        <source>护照号码前请写签发国家的3个字母代码（如中国CHN），再写护照号码，例如“CHN E12345678”。</source>
        <translation>Write the issuing country&apos;s 3-letter code (e.g. CHN for China) before the passport number, e.g. “CHN E12345678”.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="237"/>
        <source>护照号码只能包含字母和数字（国家代码与号码之间可以有空格）。请对照护照资料页重新输入。</source>
        <translation>A passport number has letters and digits only (a space may separate the country code). Check the passport&apos;s data page and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/id_documents.py" line="240"/>
        <source>护照号码应为5至17位字母或数字，现在是{count}个字符（国家代码之后）。请对照护照资料页重新输入。</source>
        <translation>A passport number has 5 to 17 letters or digits; this has {count} characters after the country code. Check the passport&apos;s data page and enter it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/version.py" line="33"/>
        <source>版本号 {version} 的格式不对：应为以点分隔的数字，如 1.2.0。</source>
        <translation>Version {version} is malformed: use numbers separated by dots, e.g. 1.2.0.</translation>
    </message>
    <message>
        <location filename="../../clerk/numbers.py" line="53"/>
        <source>本机窗口号须为 1–{max} 之间的整数，且与本站其他电脑不同。</source>
        <translation>This PC&apos;s window number must be a whole number from 1 to {max}, different from the station&apos;s other PCs.</translation>
    </message>
    <message>
        <location filename="../../clerk/numbers.py" line="64"/>
        <source>本机名称须为 1–{max} 个字符（一行），例如“2号窗口”。</source>
        <translation>This PC&apos;s name must be 1–{max} characters on one line, e.g. &quot;Window 2&quot;.</translation>
    </message>
    <message>
        <location filename="../../district/push.py" line="94"/>
        <source>区中心没有这个案件，而收到的第一个事件不是“创建案件”。</source>
        <translation>The district does not have this case, and the first event received is not “case created”.</translation>
    </message>
    <message>
        <location filename="../../district/push.py" line="96"/>
        <source>案件不属于本站：案件登记的站点是 {station}，推送它的是另一站点的设备。</source>
        <translation>The case does not belong to this station: it is registered to station {station}, and a device of another station pushed it.</translation>
    </message>
    <message>
        <location filename="../../district/push.py" line="98"/>
        <source>案件编号“{case_no}”格式不对：应为“{station}-年月日-窗口号和序号”。</source>
        <translation>The case number “{case_no}” is malformed: it should be “{station}-yyyymmdd-window number and sequence”.</translation>
    </message>
    <message>
        <location filename="../../district/push.py" line="100"/>
        <source>案件编号“{case_no}”不是本站（{station}）的编号，区中心不接收。</source>
        <translation>The case number “{case_no}” is not a number of this station ({station}); the district does not accept it.</translation>
    </message>
    <message>
        <location filename="../../district/push.py" line="102"/>
        <source>案件编号“{case_no}”的窗口号与推送它的设备（窗口号 {device}）不符；请核对本机设置的窗口号。</source>
        <translation>The window number in case number “{case_no}” does not match the device that pushed it (window number {device}); check the window number set on this PC.</translation>
    </message>
    <message>
        <location filename="../../apiclient/retry.py" line="86"/>
        <source>无法连接区中心：网络不通，或区中心服务器暂时没有响应（已试 {attempts} 次）。本站照常办件，网络恢复后会自动同步；如持续半天以上，请联系区中心。</source>
        <translation>Cannot reach the district center: the network is down or the district server is not answering ({attempts} attempts). Keep working as usual; the station syncs by itself when the network is back. If this lasts more than half a day, contact the district center.</translation>
    </message>
    <message>
        <location filename="../../district/api/admin.py" line="116"/>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../district/api/admin.py" line="123"/>
        <source>原密码不正确。</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location filename="../../district/api/admin.py" line="129"/>
        <source>密码刚被修改或账号已停用，请重新登录后再试。</source>
        <translation>The password was just changed or the account disabled; sign in again and retry.</translation>
    </message>
    <message>
        <location filename="../../district/publishing.py" line="118"/>
        <source>文件有错误，未发布：{problem}</source>
        <translation>The file has errors and was not published: {problem}</translation>
    </message>
    <message>
        <location filename="../../district/citizen_rating.py" line="79"/>
        <source>请选择一个评价等级（非常满意 … 非常不满意）。</source>
        <translation>Please choose a rating (very satisfied … very dissatisfied).</translation>
    </message>
    <message>
        <location filename="../../district/citizen_rating.py" line="84"/>
        <source>意见不能超过 {limit} 个字。</source>
        <translation>The comment may be at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../district/citizen_rating.py" line="126"/>
        <source>办结（领取结果）后才能评价。</source>
        <translation>A case can be rated once its result has been handed over.</translation>
    </message>
    <message>
        <location filename="../../district/citizen_rating.py" line="128"/>
        <source>评价已超过可修改的期限，不能再修改。</source>
        <translation>The period for changing the rating is over; it can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../district/citizen_rating.py" line="129"/>
        <source>本件已在窗口评价过，每件只能评价一次。</source>
        <translation>This case was already rated at the counter; a case is rated only once.</translation>
    </message>
    <message>
        <location filename="../../district/crypto.py" line="69"/>
        <source>区中心没有配置数据加密密钥：请在 /etc/stationdesk/district.env 中设置 STATIONDESK_DISTRICT_KEY（用 `python -m district admin generate-key` 生成，并另行妥善保管一份；丢失密钥将无法读取证件号码和电话）。</source>
        <translation>The district has no data encryption key configured: set STATIONDESK_DISTRICT_KEY in /etc/stationdesk/district.env (make one with `python -m district admin generate-key` and keep a copy in a safe place; without the key ID numbers and phones cannot be read).</translation>
    </message>
    <message>
        <location filename="../../district/crypto.py" line="73"/>
        <source>数据加密密钥 STATIONDESK_DISTRICT_KEY 格式不对：应为“密钥编号:Base64 编码的 32 字节”，多个密钥用逗号分隔、当前密钥在前（如 k2:…,k1:…）。</source>
        <translation>The data encryption key STATIONDESK_DISTRICT_KEY is malformed: it should be &quot;key id:32 bytes in Base64&quot;; several keys are separated by commas, the current key first (e.g. k2:…,k1:…).</translation>
    </message>
    <message>
        <location filename="../../district/crypto.py" line="76"/>
        <source>数据库中有用密钥“{key_id}”加密的数据，但配置里没有这个密钥：请把旧密钥保留在 STATIONDESK_DISTRICT_KEY 中（当前密钥之后），数据未被改动。</source>
        <translation>The database holds data encrypted with key &quot;{key_id}&quot;, which is not configured: keep the old key in STATIONDESK_DISTRICT_KEY (after the current key). Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../district/crypto.py" line="79"/>
        <source>数据库中一项加密数据无法解密（密钥不符或数据被改动），数据未被改动。</source>
        <translation>An encrypted value in the database cannot be decrypted (wrong key or altered data). Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../district/crypto.py" line="81"/>
        <source>数据库中有一项应加密的数据是明文：数据库可能没有完成迁移 d0017。</source>
        <translation>A value in the database that should be encrypted is in plain text: the database may not have completed migration d0017.</translation>
    </message>
    <message>
        <location filename="../../district/api/people.py" line="51"/>
        <source>全区通办查询过于频繁，请稍后再试（可先按本站资料办理）。</source>
        <translation>Too many district lookups; please try again later (you can go on with this station&apos;s records).</translation>
    </message>
    <message>
        <location filename="../../district/api/people.py" line="71"/>
        <source>请写明查询的理由。</source>
        <translation>Please give the reason for the lookup.</translation>
    </message>
    <message>
        <location filename="../../sync/recall.py" line="70"/>
        <source>区中心没有这个人的记录。</source>
        <translation>The district has no record of this person.</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/conflicts.py" line="199"/>
        <source>案件 {case_no} 冲突：另一窗口（或区中心）已先办理第 {seq} 步“{theirs}”，本机离线时办理的“{mine}”未被接收，已原样保留。请核对后选择“在当前版本上重做”或“放弃本机操作”（python -m clerk conflicts redo|discard 案件编号）。</source>
        <translation>Case {case_no} conflict: another counter (or the district) already did step {seq} &quot;{theirs}&quot;; this PC&apos;s offline &quot;{mine}&quot; was not accepted and is kept as it was. Check and choose &quot;Redo on the current version&quot; or &quot;Discard this PC&apos;s steps&quot; (python -m clerk conflicts redo|discard CASE_NO).</translation>
    </message>
    <message>
        <location filename="../../clerk/cases/conflicts.py" line="238"/>
        <source>案件 {case_no} 没有待处理的同步冲突。</source>
        <translation>Case {case_no} has no open sync conflict.</translation>
    </message>
    <message>
        <location filename="../../clerk/consultations.py" line="57"/>
        <source>备注最多 {max} 个字，请精简后再登记。</source>
        <extracomment>How the guide went with the citizen: &apos;&apos; only noted, else printed or saved as PDF. Longest note kept (a reminder of what was asked, not a file).</extracomment>
        <translation>The note may have at most {max} characters; shorten it and register again.</translation>
    </message>
    <message>
        <location filename="../../clerk/consultations.py" line="61"/>
        <source>咨询登记不记个人信息：请从备注中删去证件号码或手机号码。</source>
        <translation>A consultation keeps no personal data: remove the ID number or mobile number from the note.</translation>
    </message>
    <message>
        <location filename="../../clerk/consultations.py" line="103"/>
        <source>未知的指南输出方式 {guide}。</source>
        <translation>Unknown guide output {guide}.</translation>
    </message>
    <message>
        <location filename="../../clerk/consultations.py" line="107"/>
        <source>请选择咨询的事项。</source>
        <translation>Choose the matter the citizen asked about.</translation>
    </message>
    <message>
        <location filename="../../apiclient/store_keys.py" line="18"/>
        <source>本机没有可用的系统密钥环（keyring），站点数据库的密钥无法安全保存，数据库无法打开。请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定一个后端。</source>
        <translation>This PC has no usable system keyring, so the station database&apos;s key cannot be kept safely and the database cannot be opened. Enable the system&apos;s credential service (Windows Credential Manager, macOS Keychain, Linux Secret Service), or choose a backend with the environment variable PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <location filename="../../apiclient/store_keys.py" line="56"/>
        <source>无法访问密钥环（{backend}：{kind}），站点数据库的密钥无法读取或保存。</source>
        <translation>Cannot access the keyring ({backend}: {kind}); the station database&apos;s key cannot be read or saved.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="161"/>
        <source>扫描件 {name} 已损坏（无法用本站密钥打开，或内容与名称不符），备份没有生成。请先运行 python -m clerk doctor 查看。</source>
        <translation>Scan {name} is damaged (it does not open with this station&apos;s key, or its content does not match its name); no backup was made. Run python -m clerk doctor first.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="198"/>
        <source>{path} 不是 StationDesk 的备份文件（python -m clerk backup 生成的文件），没有恢复任何数据。</source>
        <translation>{path} is not a StationDesk backup (a file made by python -m clerk backup); nothing was restored.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="211"/>
        <source>找不到备份文件 {path}。</source>
        <translation>Backup file {path} not found.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="231"/>
        <source>这份备份生成时本站还没有恢复密钥，只能在原电脑上（密钥环中有原数据库密钥）恢复。</source>
        <translation>This backup was made before the station had a recovery key; it can only be restored on the original PC (whose keyring holds the database key).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="240"/>
        <source>本机密钥环中没有这份备份的密钥，无法恢复（没有写入任何数据）。请加上初始化时记下的恢复密钥：--recovery-key XXXX-XXXX-…</source>
        <translation>This PC&apos;s keyring does not hold this backup&apos;s key, so it cannot be restored (nothing was written). Add the recovery key noted at set-up: --recovery-key XXXX-XXXX-…</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="247"/>
        <source>恢复密钥不对：它不是这份备份的恢复密钥（没有写入任何数据）。</source>
        <translation>Wrong recovery key: it is not this backup&apos;s recovery key (nothing was written).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="269"/>
        <source>数据目录 {data_dir} 中已有站点数据库，恢复不会覆盖它。请指定一个新的空数据目录（--data-dir）。</source>
        <translation>The data directory {data_dir} already holds a station database; restoring does not overwrite it. Choose a new, empty data directory (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/backup.py" line="70"/>
        <source>备份文件 {path} 已损坏（{problem}），没有恢复任何数据。</source>
        <extracomment>The first format: the database only (scans were copied by hand beside it). Far above any sealed scan (the station refuses scans over 10 MB): a length beyond it is damage, not a reason to allocate gigabytes.</extracomment>
        <translation>The backup file {path} is damaged ({problem}); nothing was restored.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/encrypt.py" line="46"/>
        <source>无法加密数据文件 {path}（{problem}）。原文件没有改动，本程序不会以未加密的方式继续使用它；请检查磁盘空间后重新启动，或联系管理员。</source>
        <translation>Cannot encrypt the data file {path} ({problem}). The original file is unchanged and will not be used unencrypted; check the free disk space and start again, or contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="65"/>
        <source>本程序没有安装保存数据库密钥的组件（{group}），无法打开加密的站点数据库。请重新安装 StationDesk。</source>
        <extracomment>The recovery-wrapped copy of the store key, beside the database. scrypt&apos;s cost: ~0.1 s and 16 MB, paid only when a recovery key is made or typed back.</extracomment>
        <translation>The component that keeps the database key ({group}) is not installed, so the encrypted station database cannot be opened. Please reinstall StationDesk.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="100"/>
        <source>本机密钥环中没有数据目录 {data_dir} 的数据库密钥，无法打开加密的站点数据库（数据没有改动）。请用初始化时记下的恢复密钥解锁：python -m clerk unlock --recovery-key XXXX-XXXX-…</source>
        <translation>This PC&apos;s keyring holds no database key for the data directory {data_dir}, so the encrypted station database cannot be opened (nothing was changed). Unlock it with the recovery key noted at set-up: python -m clerk unlock --recovery-key XXXX-XXXX-…</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="112"/>
        <source>密钥环中数据目录 {data_dir} 的数据库密钥格式不对。请用恢复密钥解锁：python -m clerk unlock --recovery-key …</source>
        <translation>The database key for the data directory {data_dir} in the keyring is malformed. Unlock with the recovery key: python -m clerk unlock --recovery-key …</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="152"/>
        <source>恢复密钥有误：应为 8 组、每组 4 个字母或数字（如 ABCD-EFGH-…），请逐组核对后重输。</source>
        <translation>The recovery key is malformed: it has 8 groups of 4 letters or digits (like ABCD-EFGH-…). Check each group and type it again.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="190"/>
        <source>恢复密钥不对：它不是这个站点数据库的恢复密钥（数据没有改动）。请核对初始化时打印的恢复密钥单。</source>
        <translation>Wrong recovery key: it is not this station database&apos;s recovery key (nothing was changed). Check the recovery key slip printed at set-up.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="195"/>
        <source>恢复密钥文件已损坏，无法用恢复密钥解锁。</source>
        <translation>The recovery key file is damaged; cannot unlock with the recovery key.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/keys.py" line="215"/>
        <source>恢复密钥文件 {path} 已损坏，无法用恢复密钥解锁。</source>
        <translation>The recovery key file {path} is damaged; cannot unlock with the recovery key.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/recovery.py" line="36"/>
        <source>数据目录 {data_dir} 中没有站点数据库，无需解锁。从备份恢复请用 python -m clerk restore。</source>
        <translation>The data directory {data_dir} holds no station database; there is nothing to unlock. To restore a backup use python -m clerk restore.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/recovery.py" line="42"/>
        <source>数据目录 {data_dir} 中没有恢复密钥文件（{name}），无法用恢复密钥解锁。请从备份恢复（python -m clerk restore --from 备份文件 --recovery-key …）。</source>
        <translation>The data directory {data_dir} has no recovery key file ({name}), so it cannot be unlocked with the recovery key. Restore from a backup (python -m clerk restore --from BACKUP --recovery-key …).</translation>
    </message>
    <message>
        <location filename="../../clerk/store/recovery.py" line="51"/>
        <source>恢复出的密钥打不开数据文件 {path}（{problem}），密钥环没有改动。请从备份恢复。</source>
        <translation>The key from the recovery key does not open the data file {path} ({problem}); the keyring was not changed. Restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../clerk/store/write_turns.py" line="27"/>
        <source>本机另一项操作一直在写入站点数据库，已等待 {seconds} 秒，本次保存没有进行。请稍后重试；如果一直如此，请重新启动本程序。</source>
        <extracomment>A save that gave up waiting for its turn (seconds: how long it waited).</extracomment>
        <translation>Another task on this PC kept writing to the station database; after waiting {seconds} seconds this save was not made. Please try again shortly; if it keeps happening, restart the program.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../clerk/labels.py" line="19"/>
        <source>收件中</source>
        <translation>In intake</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="20"/>
        <source>待补正</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="21"/>
        <location filename="../../clerk/labels.py" line="37"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="22"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="23"/>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="24"/>
        <source>办理中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="25"/>
        <location filename="../../clerk/labels.py" line="42"/>
        <source>退回补正</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="26"/>
        <location filename="../../clerk/labels.py" line="46"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="27"/>
        <location filename="../../clerk/labels.py" line="47"/>
        <source>不予批准</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="28"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="29"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="33"/>
        <source>收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="34"/>
        <source>材料更新</source>
        <translation>Materials updated</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="35"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="36"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="38"/>
        <source>上报区级</source>
        <translation>Escalated to district</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="39"/>
        <source>区中心接件</source>
        <translation>District center received</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="40"/>
        <source>指派代办员</source>
        <translation>Assign proxy agent</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="41"/>
        <source>代办进展</source>
        <translation>Proxy agent progress</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="43"/>
        <source>补正后重新上报</source>
        <translation>Re-escalated after correction</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="44"/>
        <source>特别程序开始</source>
        <translation>Special procedure started</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="45"/>
        <source>特别程序结束</source>
        <translation>Special procedure ended</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="48"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="49"/>
        <source>好差评</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="50"/>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="51"/>
        <source>留言</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="52"/>
        <source>补交容缺材料</source>
        <translation>Deferred material handed in</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="56"/>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="57"/>
        <source>区中心</source>
        <translation>District center</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="69"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="70"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="71"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="72"/>
        <source>计时暂停</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="61"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="62"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="63"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="64"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="65"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="76"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="77"/>
        <source>证照库已核验</source>
        <translation>Verified on file</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="78"/>
        <source>共享数据获取</source>
        <translation>From shared data</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="79"/>
        <source>容缺后补</source>
        <translation>Deferred (bring later)</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="80"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="81"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="85"/>
        <source>一次性告知单</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="86"/>
        <source>受理回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="87"/>
        <source>不予受理通知书</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <location filename="../../clerk/labels.py" line="88"/>
        <source>办结通知</source>
        <translation>Result notice</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="132"/>
        <source>被拒 {n}</source>
        <translation>{n} rejected</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="134"/>
        <source>待同步 {n}</source>
        <translation>{n} not synced</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="135"/>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="184"/>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="189"/>
        <source>；</source>
        <comment>clause separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="194"/>
        <source>{label}：{text}</source>
        <translation>{label}: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="321"/>
        <source>（补打）</source>
        <translation> (reprint)</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="444"/>
        <source>{name}（原件{o}份、复印件{c}份）</source>
        <translation>{name} ({o} original(s), {c} copy/copies)</translation>
    </message>
    <message>
        <location filename="../../ui/district/session.py" line="27"/>
        <source>审核人员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/district/session.py" line="28"/>
        <source>代办员</source>
        <translation>Proxy agent</translation>
    </message>
    <message>
        <location filename="../../ui/district/session.py" line="29"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ui/common/operations.py" line="83"/>
        <source>读写文件或网络时出错（{detail}）。请检查后重试。</source>
        <extracomment>How long work may run before a progress indicator appears (Anki uses the same).</extracomment>
        <translation>Error reading or writing a file or the network ({detail}). Check and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/common/operations.py" line="86"/>
        <source>操作没有完成：程序出现意外错误（{kind}）。请重试；如果仍然出错，请联系管理员。</source>
        <translation>The operation did not finish: unexpected error ({kind}). Try again; if it keeps happening, contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/common/operations.py" line="263"/>
        <source>请稍候</source>
        <extracomment>Emitted after an operation&apos;s callbacks ran (tests wait on it). Emitted with the label when an operation&apos;s progress indicator appears.</extracomment>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>ratings</name>
    <message>
        <location filename="../../clerk/ratings.py" line="43"/>
        <source>窗口评价器</source>
        <translation>Rating device</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="44"/>
        <source>申请人手机</source>
        <translation>Citizen’s phone</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="45"/>
        <source>窗口人员代为录入</source>
        <translation>Entered by staff</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="46"/>
        <source>申请人不愿评价</source>
        <translation>Applicant declined to rate</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="96"/>
        <source>窗口人员代为录入（{name}）</source>
        <translation>Entered by staff ({name})</translation>
    </message>
    <message>
        <location filename="../../clerk/ratings.py" line="98"/>
        <source>申请人不愿评价（{name}登记）</source>
        <translation>Applicant declined to rate (recorded by {name})</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../clerk/reports.py" line="73"/>
        <source>收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="74"/>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="75"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="76"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="77"/>
        <source>上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="78"/>
        <source>退回补正</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="79"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="80"/>
        <source>不予批准</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="81"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="82"/>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="107"/>
        <source>按收件日期在统计期间内的办件计，每件按生成报表时的当前状态只计一次；合计等于办件列表按同一收件日期、事项筛选的件数。</source>
        <translation>Cases received in the period, each counted once in its state at the time of the report; the totals equal the case list filtered by the same received dates and matter.</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="110"/>
        <source>按期间内发生的办理事件计件：每栏为期间内发生该事件的办件数，同一办件在一栏中只计一次（同日先告知后受理的，在告知、受理两栏各计一次），各栏不相加。</source>
        <translation>Cases by the events of the period: each column counts the cases that had that event, each case once per column (a case noticed and then accepted on one day counts once under each); the columns do not add up.</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="113"/>
        <source>期间内登记的咨询（只询问、未申请办理的群众，含打印办事指南），不计入办件。</source>
        <translation>Consultations registered in the period (citizens who only asked and did not apply, including printed service guides); not counted as cases.</translation>
    </message>
    <message>
        <location filename="../../clerk/reports.py" line="115"/>
        <source>期间内记录的评价，每件一次，按评价等级和评价渠道统计；申请人不愿评价的单独计数，不计入评价等级。</source>
        <translation>Ratings recorded in the period, one per case, by level and channel; declines are counted apart, not as a rating level.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../ui/common/widgets.py" line="310"/>
        <source>无法打开打印预览（缺少 QtPdf 组件）。文书已生成，请联系管理员。</source>
        <translation>Cannot open the print preview (QtPdf is missing). The document was generated; contact the administrator.</translation>
    </message>
</context>
</TS>
