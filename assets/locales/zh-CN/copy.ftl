# kuajing-copy 检查结果的提示语。id 为 finding-<code>，变量即检查结果的 args。

severity-error = 错误
severity-warning = 警告

finding-title-too-long = { $unit ->
        [chars] 标题长度为 { $units } 个字符，上限为 { $limit } 个字符。请删减标题：标出的部分超出了上限。
       *[gbk] 标题长度为 { $units } 个单位，上限为 { $limit }（汉字和全角符号计 2，英文字母和数字计 1）。请删减标题：标出的部分超出了上限。
    }

finding-banned-term = { $exception ->
        [none] “{ $term }”不能使用：{ $reason_zh }（{ $law }）。{ $category ->
            [absolute] 请改写；若属于注册商标的一部分或同品牌内的真实比较，可备注说明后忽略。
           *[other] 请改写。
        }
       *[other] “{ $term }”通常不能使用（{ $reason_zh }，{ $law }），但“{ $phrase }”看起来属于{ $exception_reason_zh }，市场监管部门不视为违法（{ $basis }）。请确认属实后忽略此警告，或改写。
    }

finding-non-gbk-char = “{ $char }”（{ $codepoint }）无法用 GBK 编码，平台会拒收或显示乱码。{ $kind ->
        [lookalike] 请改用外观相同的 GBK 字符“{ $suggestion }”。
        [han] 请改用常用字或改写。
       *[other] 请删除，或改用文字表达。
    }

finding-invisible-char = 此处藏有不可见字符（{ $name_zh }，{ $codepoint }），通常是从网页复制带入的。它占用标题长度、影响搜索，且无法用 GBK 编码。请删除。

finding-traditional-chars = “{ $text }”是繁体字，大陆平台的买家使用简体字。请改为“{ $simplified }”。

finding-imperial-unit = “{ $unit }”是英制单位，中文商品信息应使用公制。请改写为{ $suggestion }。

finding-contact-info = 标题中不能出现联系方式：{ $kind ->
        [email] 电子邮箱
        [url] 网址
        [phone] 电话号码
        [wechat] 微信号
        [qq] QQ 号
       *[other] 联系方式
    }（“{ $text }”）。请从标题中删除。
