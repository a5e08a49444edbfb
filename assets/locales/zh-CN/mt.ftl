# kuajing-mt 的消息：来自 OpenAI 兼容聊天接口的机器草稿。

error-mt-not-configured = 机器草稿未开启。请用以下命令设置接口：kuajing mt set --endpoint URL --model NAME
# $reason：JSON 解析器的说明。
error-mt-bad-config = 机器草稿设置无法读取（{ $reason }）。请用 kuajing mt set 重新设置。
# $url：输入的内容；$reason：问题所在。
error-mt-bad-endpoint = “{ $url }”不是接口地址：{ $reason }。
error-mt-no-model = 请填写接口要运行的模型（Ollama 例如 qwen2.5:7b）。
# $var：给出的变量名。
error-mt-bad-key-env = “{ $var }”不能作为环境变量名。
# $var：设置中指定的变量；$host：接口的主机。
error-mt-key-missing = 没有 { $host } 的 API 密钥：环境变量 { $var } 未设置，系统钥匙串中也没有 { $host } 的密钥。
# $host：接口的主机；$reason：钥匙串返回的说明。
error-mt-keyring = 系统钥匙串无法保存 { $host } 的密钥（{ $reason }）。请改用环境变量保存密钥。
# $field：title、selling_points、description 或 short_title。
error-mt-no-english = 没有可供起草的英文 { $field }。
# $url：调用的地址；$reason：连接被拒绝、找不到主机、超时等。
error-mt-unreachable = 无法连接机器草稿接口 { $url }：{ $reason }。
# $url；$status：HTTP 状态码；$message：服务器自己的说明，没有时为 "none"。
error-mt-failed = { $message ->
    [none] 机器草稿接口 { $url } 返回状态 { $status }。
   *[other] 机器草稿接口 { $url } 返回状态 { $status }：{ $message }
}
# $url；$reason：回答的问题所在。
error-mt-bad-answer = 机器草稿接口 { $url } 没有给出可用的回答：{ $reason }。
# $detail：解析器的说明。
error-mt-prompt-invalid = 机器草稿提示词（assets/mt/prompt.toml）有误：{ $detail }
