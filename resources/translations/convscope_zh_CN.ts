<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivationView</name>
    <message>
        <source>Colour scale shared by a layer&apos;s channels, or each channel&apos;s own</source>
        <translation>颜色刻度：一层的所有通道共用，或每个通道各用各的</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>刻度</translation>
    </message>
    <message>
        <source>click: pin a unit · arrows: move · Esc: unpin · double-click: enlarge</source>
        <translation>单击：固定单元 · 方向键：移动 · Esc：取消固定 · 双击：放大</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>按通道</translation>
    </message>
    <message>
        <source>per layer</source>
        <translation>按层</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <source>Change input size</source>
        <translation>更改输入尺寸</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Draw</source>
        <extracomment>an editor shows a refused edit (``refuse_edit``): Undo takes that back first (the editor shows the network again), not the step before it</extracomment>
        <translation>绘画</translation>
    </message>
    <message>
        <source>Edit layers</source>
        <translation>编辑层</translation>
    </message>
    <message>
        <source>Edit weights</source>
        <translation>编辑权重</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>示例：%1</translation>
    </message>
    <message>
        <source>Reorder layers</source>
        <translation>重排层</translation>
    </message>
    <message>
        <source>Replace network</source>
        <translation>替换网络</translation>
    </message>
    <message>
        <source>Set weights</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <source>Training is running: its result would overwrite changes to the network (weights, layers, undoing them), so they wait until it ends (Cancel training stops it; the drawing can still change).</source>
        <extracomment>multiply-adds of a forward run on the GUI thread: about a frame&apos;s work (bench/event_loop.py measures the engine&apos;s rate and the event loop&apos;s longest stall); a dearer forward runs in a worker thread while the last maps stay shown why an edit of the network is refused while training runs (translate it when showing it)</extracomment>
        <translation>训练正在进行：它的结果会覆盖对网络的更改（权重、层，以及撤销它们），所以这些更改要等训练结束（“取消训练”可停止它；绘图仍可更改）。</translation>
    </message>
    <message>
        <source>the %1 of layer %2 would hold values that are not finite 32-bit numbers (NaN, infinity or beyond ±3.4e38)</source>
        <translation>第%2层的%1将含有非有限的 32 位数值（NaN、无穷大或超出 ±3.4e38）</translation>
    </message>
</context>
<context>
    <name>AttributionPanel</name>
    <message>
        <source> (a patch every %1 pixels)</source>
        <translation>（每隔%1个像素放一块）</translation>
    </message>
    <message>
        <source>Bright where changing a pixel a little would change the probability of %1 the most, whichever way.</source>
        <translation>亮的地方：稍微改变该像素，%1的概率变化最大（无论增减）。</translation>
    </message>
    <message>
        <source>Bright where the maps of %3 hold the features that raise the score of %1, spread back over the input.</source>
        <translation>亮的地方：%3的特征图中提高%1得分的特征所在之处，映射回输入上。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Colour the canvas by which pixels made the network say a class.</source>
        <extracomment>method -&gt; its one-sentence legend: %1 the class, %2 the patch side, %3 the layer, %4 the occlusion&apos;s stride note</extracomment>
        <translation>按哪些像素让网络给出某个类别来给画布上色。</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <source>How to find the pixels that made the network say the class. Saliency: how much a small change of each pixel would move its probability. Gradient × input: whether each inked pixel raises or lowers it. Occlusion: what covering each patch with black does (a forward pass per patch). Grad-CAM: where the features of a conv layer&apos;s maps that raise its score lie.</source>
        <translation>用哪种方法找出让网络说出这个类别的像素。显著性：每个像素稍作改变会让它的概率变化多少。梯度 × 输入：每个有笔迹的像素是提高还是降低它的概率。遮挡：用黑色遮住每一块会怎样（每块一次前向计算）。Grad-CAM：卷积层的特征图中，提高它得分的特征位于何处。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Occlude again</source>
        <translation>重新遮挡</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Off</source>
        <extracomment>the methods, by their names (shown translated in the context &quot;AttributionPanel&quot;)</extracomment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Orange ink raises the probability of %1, blue ink lowers it; blank pixels count for nothing.</source>
        <translation>橙色的笔迹提高%1的概率，蓝色的降低它；空白像素不起作用。</translation>
    </message>
    <message>
        <source>Orange where covering a %2×%2 patch with black lowers the probability of %1, blue where it raises it%4.</source>
        <translation>橙色：用黑色遮住一块%2×%2的区域会降低%1的概率；蓝色：会提高它%4。</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>遮挡块</translation>
    </message>
    <message>
        <source>Run occlusion on the drawing (R)</source>
        <translation>对画布上的图做遮挡分析（R）</translation>
    </message>
    <message>
        <source>Saliency |∂p/∂x|</source>
        <translation>显著性 |∂p/∂x|</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Side of the square slid over the input</source>
        <translation>在输入上滑动的正方形的边长</translation>
    </message>
    <message>
        <source>The class whose probability is explained</source>
        <translation>要解释其概率的类别</translation>
    </message>
    <message>
        <source>The drawing changed: press “Occlude again” (R) to see what covering each patch does now.</source>
        <translation>画已改变：按“重新遮挡”（R）查看现在遮住每一块会怎样。</translation>
    </message>
    <message>
        <source>The layer whose maps Grad-CAM weighs</source>
        <translation>Grad-CAM 对其特征图加权的层</translation>
    </message>
    <message>
        <source>the predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>the predicted one</source>
        <translation>预测的那个</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>The computation failed unexpectedly; the details are in the error window.</source>
        <extracomment>what ``failed`` says when the work raised something else than a ConfigError (a bug)</extracomment>
        <translation>计算意外失败；详细信息在错误窗口中。</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source> · blue: hovered unit</source>
        <translation> · 蓝色：悬停的单元</translation>
    </message>
    <message>
        <source> · hatched: %1</source>
        <translation> · 斜线：%1</translation>
    </message>
    <message>
        <source>%1 padding</source>
        <translation>%1填充</translation>
    </message>
    <message>
        <source>%1, brush %2 px · right button erases · [ ] brush size · Esc clears · hover a map to see what a unit sees</source>
        <translation>%1，画笔%2 px · 右键擦除 · [ ] 调画笔大小 · Esc 清除 · 悬停在特征图上看单元看到什么</translation>
    </message>
    <message>
        <source>Draw stroke</source>
        <translation>画一笔</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>绘画中</translation>
    </message>
    <message>
        <source>erasing</source>
        <translation>擦除中</translation>
    </message>
    <message>
        <source>hovered %1 sees %2×%3 input pixels</source>
        <translation>悬停的%1看到%2×%3个输入像素</translation>
    </message>
    <message>
        <source>hovered %1 sees %2×%3 pixels of the centred input</source>
        <translation>悬停的%1看到居中输入的%2×%3个像素</translation>
    </message>
    <message>
        <source>network sees
(centred)</source>
        <translation>网络看到的
（居中）</translation>
    </message>
    <message>
        <source>pinned %1 sees %2×%3 input pixels</source>
        <translation>固定的%1看到%2×%3个输入像素</translation>
    </message>
    <message>
        <source>pinned %1 sees %2×%3 pixels of the centred input</source>
        <translation>固定的%1看到居中输入的%2×%3个像素</translation>
    </message>
</context>
<context>
    <name>CellParser</name>
    <message>
        <source>&apos;%1&apos; divides by zero</source>
        <translation>&apos;%1&apos; 除以了零</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number: use numbers joined by * or /, such as 1/9 or 2*0.5</source>
        <translation>&apos;%1&apos; 不是数：请用 * 或 / 连接的数，例如 1/9 或 2*0.5</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large to store: weights are 32-bit floats, at most ±3.4e38</source>
        <translation>“%1”太大，无法存储：权重是 32 位浮点数，最大为 ±3.4e38</translation>
    </message>
    <message>
        <source>empty cell: type a number such as 0, -2, 0.5 or 1/9</source>
        <extracomment>the largest magnitude a float32 weight holds; beyond it a value becomes infinity</extracomment>
        <translation>格子是空的：请输入一个数，例如 0、-2、0.5 或 1/9</translation>
    </message>
</context>
<context>
    <name>Concepts</name>
    <message>
        <source>A conv layer slides its kernel over the input; at every position it multiplies each kernel weight with the pixel under it and adds the products up (plus a bias). Mathematicians call that &lt;i&gt;cross-correlation&lt;/i&gt;. A true &lt;i&gt;convolution&lt;/i&gt; first flips the kernel by 180°. Deep-learning libraries compute cross-correlation and call it convolution: for learned kernels the difference does not matter (training would simply learn the flipped kernel), but for a hand-made, asymmetric kernel such as a Sobel edge filter the flip swaps the sign of the answer. The kernel editor&apos;s &lt;b&gt;Flip 180°&lt;/b&gt; shows this.</source>
        <translation>卷积层让它的卷积核在输入上滑动；在每个位置，把卷积核的每个权重与它下面的像素相乘，再把乘积加起来（加上偏置）。数学上这叫&lt;i&gt;互相关&lt;/i&gt;。真正的&lt;i&gt;卷积&lt;/i&gt;要先把卷积核旋转 180°。深度学习框架计算的是互相关，却称之为卷积：对学出来的卷积核，这个差别无关紧要（训练会直接学到翻转后的卷积核）；但对手工设计的不对称卷积核，例如 Sobel 边缘滤波器，翻转会使结果变号。卷积核编辑器中的&lt;b&gt;翻转 180°&lt;/b&gt;可以演示这一点。</translation>
    </message>
    <message>
        <source>A dilated kernel spreads its taps apart: with dilation d a 3×3 kernel covers d·(3 − 1) + 1 pixels per side but still reads only 9 of them. It sees farther without more weights. The canvas marks the pixels actually read with dots.</source>
        <translation>膨胀（空洞）卷积核把抽头彼此拉开：膨胀为 d 时，3×3 卷积核每边覆盖 d·(3 − 1) + 1 个像素，却仍只读取其中 9 个。它不增加权重就能看得更远。画布用圆点标出真正被读取的像素。</translation>
    </message>
    <message>
        <source>A kernel is a small template: the sum of products is largest where the input looks like the kernel. The classic X-versus-O example uses three 3×3 templates: the two diagonals and a small ×. On an X the diagonal maps light up along its arms; on an O they stay weak. Pooling keeps &quot;a diagonal was somewhere here&quot;, and the next layers combine the parts into &quot;X&quot; or &quot;O&quot;. Put a diagonal preset into a kernel and draw an X to see it.</source>
        <translation>卷积核就是一个小模板：输入越像卷积核，乘积之和越大。经典的 X 与 O 例子用三个 3×3 模板（特征）：两条对角线和一个小 ×。在 X 上，对角线特征图沿着笔画亮起；在 O 上它们一直很弱。池化保留“这附近某处有一条对角线”，后面的层再把这些部分组合成“X”或“O”。把一个对角线预设放进卷积核，再画一个 X 就能看到。</translation>
    </message>
    <message>
        <source>A network is judged on digits it never trained on: the shipped model learned from 7,000 digits and 1,000 were held out. The &lt;b&gt;Dataset&lt;/b&gt; dock counts, for every right answer (a row), what the network said (a column): the diagonal is right, everything else a mistake. Click a cell to see those digits and put one on the canvas: the maps, windows and the unit inspector then show how the mistake came about.</source>
        <translation>评判一个网络要用它从没训练过的数字：随附的模型从 7,000 个数字中学习，另有 1,000 个被留出。&lt;b&gt;数据集&lt;/b&gt;面板统计每个正确答案（一行）下网络说了什么（一列）：对角线是对的，其余都是错误。单击一个格子查看这些数字，并把其中一个放到画布上：特征图、窗口和单元检查器会显示错误是怎样产生的。</translation>
    </message>
    <message>
        <source>A unit&apos;s receptive field is the patch of the &lt;i&gt;input&lt;/i&gt; that can influence it. It grows with every layer: r&lt;sub&gt;l&lt;/sub&gt; = r&lt;sub&gt;l−1&lt;/sub&gt; + (k − 1)·j&lt;sub&gt;l−1&lt;/sub&gt;, where the jump j is the product of the strides so far. Deep units see large parts of the image, and pooling or striding makes the field grow faster. In practice a unit depends most on the centre of its field: the &lt;i&gt;effective&lt;/i&gt; receptive field is much smaller (Luo et al., 2016).</source>
        <translation>一个单元的感受野是&lt;i&gt;输入&lt;/i&gt;中能影响它的那一块区域。它逐层增大：r&lt;sub&gt;l&lt;/sub&gt; = r&lt;sub&gt;l−1&lt;/sub&gt; + (k − 1)·j&lt;sub&gt;l−1&lt;/sub&gt;，其中跳距 j 是之前所有步长的乘积。深层单元能看到图像的大部分，池化或大于 1 的步长让感受野长得更快。实际上一个单元最依赖其感受野的中心：&lt;i&gt;有效&lt;/i&gt;感受野要小得多（Luo 等，2016）。</translation>
    </message>
    <message>
        <source>At the end the maps are flattened into one long list of numbers. A dense layer connects every one of them to every output, and softmax turns the last ten numbers into probabilities that add up to 1: the network&apos;s confidence in each digit.</source>
        <translation>最后，特征图被展平成一长串数。全连接层把其中每个数都与每个输出相连，softmax 再把最后十个数变成加起来为 1 的概率：网络对每个数字的把握。</translation>
    </message>
    <message>
        <source>Attribution: which pixels mattered</source>
        <translation>归因：哪些像素起了作用</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Cross-correlation vs convolution</source>
        <extracomment>(anchor, title, HTML body) in the order a course would meet them</extracomment>
        <translation>互相关与卷积</translation>
    </message>
    <message>
        <source>Depth and channels</source>
        <translation>深度与通道</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Each unit of a conv layer is connected only to a small patch of its input (&lt;i&gt;local connectivity&lt;/i&gt;), and every unit of one map uses the same kernel (&lt;i&gt;weight sharing&lt;/i&gt;). So a pattern is detected the same way wherever it appears, and the layer needs few weights: 8 filters of 5×5 on a 28×28 image have 208 parameters, where a dense layer producing the same 8×28×28 outputs would need about 4.9 million.</source>
        <translation>卷积层的每个单元只与输入中的一小块相连（&lt;i&gt;局部连接&lt;/i&gt;），同一张特征图的所有单元使用同一个卷积核（&lt;i&gt;权重共享&lt;/i&gt;）。所以一个图案无论出现在哪里，都以同样的方式被检测出来，而且这一层只需要很少的权重：在 28×28 的图像上用 8 个 5×5 滤波器只有 208 个参数，而产生同样 8×28×28 个输出的全连接层大约需要 490 万个。</translation>
    </message>
    <message>
        <source>Feature maps (activation maps)</source>
        <translation>特征图（激活图）</translation>
    </message>
    <message>
        <source>Flatten, dense and softmax</source>
        <translation>展平、全连接与 softmax</translation>
    </message>
    <message>
        <source>Held-out digits and the confusion matrix</source>
        <translation>留出的数字与混淆矩阵</translation>
    </message>
    <message>
        <source>Images have channels: 1 for gray, 3 for RGB, and every layer&apos;s output has one channel per filter. A filter always spans &lt;i&gt;all&lt;/i&gt; input channels: its kernel is C×k×k, and the products of all channels are summed into one output map. A layer with F filters therefore has F·C·k·k weights plus F biases, and outputs F maps (its &lt;i&gt;depth&lt;/i&gt;).</source>
        <translation>图像有通道：灰度图 1 个，RGB 图 3 个；每一层的输出中，每个滤波器对应一个通道。一个滤波器总是覆盖&lt;i&gt;全部&lt;/i&gt;输入通道：它的卷积核是 C×k×k，所有通道的乘积加在一起，得到一张输出特征图。所以有 F 个滤波器的层有 F·C·k·k 个权重加 F 个偏置，输出 F 张特征图（这就是它的&lt;i&gt;深度&lt;/i&gt;）。</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation>学到的滤波器</translation>
    </message>
    <message>
        <source>Nobody draws the kernels of a trained network: gradient descent adjusts every weight to make the predictions better. First-layer filters of a digit network turn into stroke and edge detectors at various orientations; deeper filters respond to combinations of them (corners, loops, line ends). Open the trained network and look at its kernels and maps.</source>
        <translation>训练好的网络的卷积核不是人画出来的：梯度下降调整每个权重，让预测更准确。数字识别网络第一层的滤波器会变成各种方向的笔画和边缘检测器；更深层的滤波器对它们的组合（拐角、圆圈、线端）作出响应。打开训练好的网络，看看它的卷积核和特征图。</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Pooling summarises each small window of a map: &lt;b&gt;max pooling&lt;/b&gt; keeps the strongest response, &lt;b&gt;average pooling&lt;/b&gt; the mean. It has no weights, makes the map smaller (2×2 with stride 2 halves it), and makes the result tolerant to small shifts of the input.</source>
        <translation>池化把特征图的每个小窗口概括成一个数：&lt;b&gt;最大池化&lt;/b&gt;保留最强的响应，&lt;b&gt;平均池化&lt;/b&gt;取平均值。它没有权重，会让特征图变小（步长为 2 的 2×2 池化使其减半），并让结果对输入的小幅平移不敏感。</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Sliding one filter over the whole input gives one map: bright where the input looks like the filter, dark where it looks like its opposite. After ReLU only the positive matches remain. Signed maps are drawn with a diverging colormap centred at zero, non-negative ones with a sequential colormap. Hover a unit to see its value and its window on the canvas; click to pin it.</source>
        <translation>让一个滤波器滑过整个输入，就得到一张特征图：输入像这个滤波器的地方亮，像它的反面的地方暗。经过 ReLU 后只剩下正的匹配。有正有负的特征图用以零为中心的发散色图绘制，非负的用顺序色图绘制。把鼠标悬停在一个单元上，可看到它的值和它在画布上的窗口；单击可固定它。</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Template matching: X and O</source>
        <translation>模板匹配：X 与 O</translation>
    </message>
    <message>
        <source>The &lt;b&gt;Attribution&lt;/b&gt; dock colours the canvas by how much each pixel drove one class: the gradient of its probability (saliency), that gradient times the ink (gradient × input), the drop when a patch is covered (occlusion), or Grad-CAM, which weighs a layer&apos;s feature maps by how much they raise the class score. &lt;b&gt;Favourite digits&lt;/b&gt; and &lt;b&gt;What filters want&lt;/b&gt; show the same from a unit&apos;s side: the digits, and the made-up input, that drive it hardest.</source>
        <translation>&lt;b&gt;归因&lt;/b&gt;面板按每个像素对某个类别的推动程度给画布上色：该类别概率的梯度（显著性）、梯度乘以笔迹（梯度 × 输入）、遮住一块后概率的下降（遮挡），或 Grad-CAM——它按一层的各张特征图对类别得分的提升程度给它们加权。&lt;b&gt;最爱的数字&lt;/b&gt;和&lt;b&gt;滤波器想要什么&lt;/b&gt;从单元的角度展示同一件事：最能驱动它的数字，以及为它造出来的输入。</translation>
    </message>
    <message>
        <source>The kernel is the small grid of weights (3×3, 5×5, …) that slides over the input. One output unit looks at a k×k patch only. A bigger kernel sees more at once but has more weights; two stacked 3×3 layers see a 5×5 patch with 18 instead of 25 weights and an extra non-linearity.</source>
        <translation>卷积核（内核）是在输入上滑动的一小格权重（3×3、5×5、…）。一个输出单元只看一块 k×k 的区域。卷积核越大，一次看到的越多，权重也越多；两层叠起来的 3×3 卷积看到 5×5 的区域，只用 18 个而不是 25 个权重，还多了一次非线性。</translation>
    </message>
    <message>
        <source>The stride is the step between neighbouring windows. Stride 1 visits every position; stride 2 skips every other one and halves the map. The output size is ⌊(n + 2p − k) / s⌋ + 1 for input size n, padding p, kernel k and stride s; the layer panel shows it with your numbers filled in.</source>
        <translation>步长是相邻两个窗口之间移动的距离。步长为 1 时走遍每个位置；步长为 2 时每次跳过一个，特征图缩小一半。输入大小 n、填充 p、卷积核 k、步长 s 时，输出大小为 ⌊(n + 2p − k) / s⌋ + 1；层面板会把你的数字代入显示。</translation>
    </message>
    <message>
        <source>Weight sharing and local connectivity</source>
        <translation>权重共享与局部连接</translation>
    </message>
    <message>
        <source>Without padding (&lt;i&gt;valid&lt;/i&gt;) a k×k window cannot centre on the border pixels, so each layer shrinks the map by k − 1. Padding adds a border first: &lt;i&gt;same&lt;/i&gt; keeps the size at stride 1, &lt;i&gt;full&lt;/i&gt; lets the window hang over by k − 1. The border can be filled with &lt;b&gt;zeros&lt;/b&gt; (zero padding), mirrored (&lt;b&gt;reflect&lt;/b&gt;), copied from the edge pixel (&lt;b&gt;replicate&lt;/b&gt;) or wrapped around from the far side (&lt;b&gt;circular&lt;/b&gt;). On the canvas the padded part of a receptive-field window is hatched and the mode is named.</source>
        <translation>不填充（&lt;i&gt;valid&lt;/i&gt;）时，k×k 的窗口无法以边缘像素为中心，所以每一层都让特征图缩小 k − 1。填充先在四周加一圈边框：&lt;i&gt;same&lt;/i&gt; 在步长为 1 时保持尺寸不变，&lt;i&gt;full&lt;/i&gt; 让窗口最多伸出 k − 1。边框可以用&lt;b&gt;零&lt;/b&gt;填满（零填充），也可以镜像（&lt;b&gt;reflect&lt;/b&gt;）、复制边缘像素（&lt;b&gt;replicate&lt;/b&gt;），或从另一侧绕回来（&lt;b&gt;circular&lt;/b&gt;）。在画布上，感受野窗口中属于填充的部分画有斜线，并标出填充方式。</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>%1 digits %2 called %3</source>
        <translation>%1个数字%2被认作%3</translation>
    </message>
    <message>
        <source>%1 digits %2 read right</source>
        <translation>%1个数字%2认对了</translation>
    </message>
    <message>
        <source>%1 · click to see them</source>
        <translation>%1 · 点击查看</translation>
    </message>
    <message>
        <source>1 digit %2 called %3</source>
        <translation>1 个数字%2被认作%3</translation>
    </message>
    <message>
        <source>1 digit %2 read right</source>
        <translation>1 个数字%2认对了</translation>
    </message>
    <message>
        <source>Rows: the right answer · columns: what the network said. Click a cell to see those digits, worst first.</source>
        <translation>行：正确答案 · 列：网络的回答。单击一个格子查看这些数字，最差的在前。</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>the network said</source>
        <translation>网络的回答</translation>
    </message>
    <message>
        <source>the right answer</source>
        <translation>正确答案</translation>
    </message>
</context>
<context>
    <name>DatasetModel</name>
    <message>
        <source>Dataset digit #%1 (a %2)</source>
        <translation>数据集数字 #%1（一个%2）</translation>
    </message>
    <message>
        <source>The digits are %1×%2 pixels but the network takes %3×%4: set the input size to 28×28 to look at them.</source>
        <translation>这些数字是%1×%2像素，但网络的输入是%3×%4：请把输入尺寸设为 28×28 再查看它们。</translation>
    </message>
    <message>
        <source>The digits could not be read: %1</source>
        <translation>无法读取这些数字：%1</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>%1 % right: %2 of %3 held-out digits misread.</source>
        <translation>正确率%1 %：%3个留出数字中有%2个认错。</translation>
    </message>
    <message>
        <source>%1 % right: %2 of %3 training digits misread.</source>
        <translation>正确率%1 %：%3个训练数字中有%2个认错。</translation>
    </message>
    <message>
        <source>%1 held-out digits (never trained on)</source>
        <translation>%1个留出数字（从未用于训练）</translation>
    </message>
    <message>
        <source>%1 training digits</source>
        <translation>%1个训练数字</translation>
    </message>
    <message>
        <source>%1, least sure first. Click one to draw it.</source>
        <translation>%1，最没把握的在前。点击一个把它画出来。</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its digits.</source>
        <translation>单击矩阵中的一个格子查看其中的数字。</translation>
    </message>
    <message>
        <source>Held out: the digits the shipped model, and training in this app on these digits, never learn from; they show how the network does on new handwriting. Training digits show what it learned by heart. (A network trained elsewhere may have seen either.)</source>
        <translation>留出：随附的模型以及本应用在这些数字上的训练都从不从中学习；它们显示网络在新笔迹上的表现。训练数字显示它死记硬背学到了什么。（在别处训练的网络可能见过其中任何一种。）</translation>
    </message>
    <message>
        <source>Look at</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>No digit %1 was called %2.</source>
        <translation>没有数字%1被认成%2。</translation>
    </message>
    <message>
        <source>No digit %1 was read right.</source>
        <translation>没有数字%1被认对。</translation>
    </message>
    <message>
        <source>Reading the digits with the current weights…</source>
        <translation>正在用当前权重识别这些数字…</translation>
    </message>
    <message>
        <source>digit #%1, labelled %2: the network says %3 (%4 %), %2 gets %5 %</source>
        <translation>数字 #%1，标签%2：网络说是%3（%4 %），%2得%5 %</translation>
    </message>
</context>
<context>
    <name>DrawTools</name>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Brush diameter in input pixels  ([ and ] on the canvas)</source>
        <translation>画笔直径，以输入像素计（在画布上按 [ 和 ]）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the drawing  (Esc or Delete on the canvas; undo with Ctrl+Z)</source>
        <translation>清除画布（在画布上按 Esc 或 Delete；用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Draw the MNIST sample %1  (Ctrl+%1)</source>
        <translation>画出 MNIST 样例%1（Ctrl+%1）</translation>
    </message>
    <message>
        <source>Erase with the left button too  (E; the right button always erases)</source>
        <translation>左键也用来擦除（E；右键总是擦除）</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样例%1</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样例</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside ConvScope, and the last action may not have finished. Your network and drawing are as they were before it; you can keep working. If it happens again, the details below help to fix it.</source>
        <translation>ConvScope 内部出了问题，上一个操作可能没有完成。你的网络和绘图仍是这个操作之前的样子；你可以继续工作。如果再次发生，下面的详细信息有助于修复它。</translation>
    </message>
    <message>
        <source>This happened %1 times.</source>
        <translation>这种情况已发生%1次。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>ExamplesMenu</name>
    <message>
        <source>&amp;Examples</source>
        <translation>示例课程(&amp;E)</translation>
    </message>
</context>
<context>
    <name>FavouritePatches</name>
    <message>
        <source> at row %1, col %2</source>
        <translation>，位于第%1行第%2列</translation>
    </message>
    <message>
        <source>Finding the digits that drive %1 hardest…</source>
        <translation>正在寻找最能驱动%1的数字…</translation>
    </message>
    <message>
        <source>On: each digit counts with the strongest response of the pinned unit&apos;s channel, wherever it is (weight sharing: every unit of a map has the same filter). Off: only at the pinned unit&apos;s own position.</source>
        <translation>选中：每个数字按被固定单元所在通道中最强的响应计，无论在哪个位置（权重共享：一张特征图的所有单元用同一个滤波器）。未选中：只看被固定单元自己的位置。</translation>
    </message>
    <message>
        <source>Pin a unit (click it in a map) to see the nine digits that drive it hardest.</source>
        <translation>固定一个单元（在特征图中单击它），查看最能驱动它的九个数字。</translation>
    </message>
    <message>
        <source>The nine digits that drive %1 hardest (it sees whole digits). Click one to draw it.</source>
        <translation>最能驱动%1的九个数字（它看到整个数字）。单击一个把它画到画布上。</translation>
    </message>
    <message>
        <source>The nine digits that drive %1 hardest, each cut to the window it saw (hatched: padding). Click one to draw it.</source>
        <translation>最能驱动%1的九个数字，每个都裁成它看到的窗口（斜线：填充）。单击一个把它画到画布上。</translation>
    </message>
    <message>
        <source>anywhere in its map</source>
        <translation>特征图中任意位置</translation>
    </message>
    <message>
        <source>digit #%1 (a %2): %3%4</source>
        <translation>数字 #%1（一个%2）：%3%4</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>FilterGallery</name>
    <message>
        <source>%1 kernels, %2; blue negative, orange positive. Click a kernel to open it in the kernel editor.</source>
        <translation>%1个卷积核，%2；蓝色为负，橙色为正。单击一个卷积核可在卷积核编辑器中打开它。</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 × %4)</source>
        <translation>%1 — %2（%3 × %4）</translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n 个滤波器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n input channel(s)</source>
        <translation>
            <numerusform>%n 个输入通道</numerusform>
        </translation>
    </message>
    <message>
        <source>The convolution layer whose kernels are shown</source>
        <translation>显示其卷积核的卷积层</translation>
    </message>
    <message>
        <source>This network has no convolution layers, so there are no kernels to show.</source>
        <translation>这个网络没有卷积层，所以没有可显示的卷积核。</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>filter %1, %2: weights %3 … %4. Click to edit.</source>
        <translation>滤波器%1，%2：权重%3 … %4。点击编辑。</translation>
    </message>
    <message>
        <source>filters in reading order</source>
        <translation>滤波器按阅读顺序排列</translation>
    </message>
    <message>
        <source>input channel</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>input channel (R, G, B)</source>
        <translation>输入通道（R、G、B）</translation>
    </message>
    <message>
        <source>one row per filter, one column per input channel</source>
        <translation>每个滤波器一行，每个输入通道一列</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>ConvScope help</source>
        <translation>ConvScope 帮助</translation>
    </message>
</context>
<context>
    <name>HistoryAction</name>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Undo refused edit</source>
        <translation>撤销(&amp;U) 未被接受的修改</translation>
    </message>
</context>
<context>
    <name>KernelEditor</name>
    <message>
        <source> Centred in zeros, which computes the same as the smaller kernel.</source>
        <translation> 已放在零的中央，计算结果与较小的卷积核相同。</translation>
    </message>
    <message>
        <source> The layer&apos;s other filters got fresh random weights.</source>
        <translation> 这一层的其他滤波器得到了新的随机权重。</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source> of 3 (R, G, B)</source>
        <translation> / 3（R、G、B）</translation>
    </message>
    <message>
        <source>%1 has no kernel</source>
        <translation>%1没有卷积核</translation>
    </message>
    <message>
        <source>%1. Select a convolution layer to edit its kernels.</source>
        <translation>%1。选择一个卷积层来编辑它的卷积核。</translation>
    </message>
    <message>
        <source>%1: added to this filter&apos;s weighted sum everywhere.</source>
        <translation>%1：在每个位置加到这个滤波器的加权和上。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2×%3 kernel</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2×%3卷积核</translation>
    </message>
    <message>
        <source>A %1×%2 kernel has too many weights to type one by one: the heatmap shows it, and the presets and tools still work.</source>
        <translation>%1×%2的卷积核权重太多，无法逐个输入：热力图显示了它，预设和工具仍然可用。</translation>
    </message>
    <message>
        <source>A filter has one kernel slice per input channel; it adds up what all its slices see</source>
        <translation>一个滤波器对每个输入通道有一片卷积核；它把所有切片看到的加在一起</translation>
    </message>
    <message>
        <source>Added to this filter&apos;s weighted sum at every position</source>
        <translation>在每个位置加到这个滤波器的加权和上</translation>
    </message>
    <message>
        <source>Flip 180°</source>
        <translation>翻转 180°</translation>
    </message>
    <message>
        <source>Flip 180°: textbook convolution turns the kernel around before sliding it; CNN layers slide it as it is (cross-correlation). A symmetric kernel does not change.</source>
        <translation>翻转 180°：教科书上的卷积在滑动前先把卷积核转过来；CNN 的卷积层按原样滑动（互相关）。对称的卷积核不会改变。</translation>
    </message>
    <message>
        <source>Flip kernel</source>
        <translation>翻转卷积核</translation>
    </message>
    <message>
        <source>Make the kernels %1 and apply</source>
        <translation>把卷积核改为%1并应用</translation>
    </message>
    <message>
        <source>Normalize</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Normalize kernel</source>
        <translation>归一化卷积核</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>预设%1</translation>
    </message>
    <message>
        <source>Preset %1 (kernels resized)</source>
        <translation>预设%1（卷积核已改尺寸）</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Random kernel</source>
        <translation>随机卷积核</translation>
    </message>
    <message>
        <source>Random weights, as at initialization</source>
        <translation>随机权重，与初始化时一样</translation>
    </message>
    <message>
        <source>Resize all of this layer&apos;s kernels to the preset&apos;s size and put the preset into this filter; the other filters get fresh random weights (one undo step)</source>
        <translation>把这一层的所有卷积核改为预设的尺寸，并把预设放进这个滤波器；其他滤波器得到新的随机权重（可一步撤销）</translation>
    </message>
    <message>
        <source>Scale this slice so its weights add up to 1 (keeps brightness)</source>
        <translation>缩放这一片，使其权重之和为 1（保持亮度）</translation>
    </message>
    <message>
        <source>Scaled so the weights add up to 1.</source>
        <translation>已缩放，权重之和为 1。</translation>
    </message>
    <message>
        <source>Set bias</source>
        <translation>设置偏置</translation>
    </message>
    <message>
        <source>Set every weight of this slice to 0</source>
        <translation>把这一片的所有权重设为 0</translation>
    </message>
    <message>
        <source>Set the whole filter to a classic hand-made kernel</source>
        <translation>把整个滤波器设为一个经典的手工卷积核</translation>
    </message>
    <message>
        <source>Set weight (%1, %2)</source>
        <translation>设置权重 (%1, %2)</translation>
    </message>
    <message>
        <source>The sum of this slice&apos;s weights: its answer on a flat white area, before the bias</source>
        <translation>这一片权重之和：它在一片均匀白色区域上的输出（未加偏置）</translation>
    </message>
    <message>
        <source>These weights add up to 0, so no scaling makes them add up to 1. Kernels like edge detectors sum to 0 on purpose: on a flat area they answer 0.</source>
        <translation>这些权重之和为 0，怎么缩放也无法使和为 1。边缘检测器这类卷积核故意让和为 0：在平坦区域输出 0。</translation>
    </message>
    <message>
        <source>This layer has no bias</source>
        <translation>这一层没有偏置</translation>
    </message>
    <message>
        <source>This network has no convolution layer</source>
        <translation>这个网络没有卷积层</translation>
    </message>
    <message>
        <source>Which filter (output channel) of this layer to edit</source>
        <translation>要编辑这一层的哪个滤波器（输出通道）</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Zero kernel</source>
        <translation>卷积核清零</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>filter </source>
        <translation>滤波器 </translation>
    </message>
    <message>
        <source>input channel </source>
        <translation>输入通道 </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>sum = %1</source>
        <translation>和 = %1</translation>
    </message>
    <message>
        <source>“%1” is %2, larger than the %3 kernels of %4.</source>
        <translation>“%1”是%2，大于%4的%3卷积核。</translation>
    </message>
</context>
<context>
    <name>KernelGrid</name>
    <message>
        <source>Type a number or a fraction such as 1/9, -2 or 2*0.5</source>
        <translation>输入一个数或分数，例如 1/9、-2 或 2*0.5</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第%1行，第%2列：%3</translation>
    </message>
</context>
<context>
    <name>KernelHeatmap</name>
    <message>
        <source>The kernel as colours: orange for positive weights, blue for negative, dark for 0</source>
        <translation>用颜色表示卷积核：橙色为正权重，蓝色为负，暗色为 0</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>&lt;b&gt;No layer selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选择层&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A border added around the input before sliding, so the window can also sit on the edges. 0 = none, same = keep the size (stride 1), full = every overlap. You can %1.</source>
        <translation>滑动前在输入四周加的一圈边框，让窗口也能落在边缘上。0 = 不填充，same = 保持尺寸（步长为 1 时），full = 所有重叠位置。你可以%1。</translation>
    </message>
    <message>
        <source>Add a learned constant to each output, shifting it up or down.</source>
        <translation>给每个输出加一个学出来的常数，使它整体上移或下移。</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <source>Count the padding zeros when averaging (edges get darker) or divide only by the real pixels in the window.</source>
        <translation>求平均时把填充的零算进去（边缘会变暗），或只除以窗口中真实像素的个数。</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Filters (depth)</source>
        <extracomment>field -&gt; its label in the form</extracomment>
        <translation>滤波器个数（深度）</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Flipped: true convolution, as in signal processing.</source>
        <translation>已翻转：真正的卷积，与信号处理中相同。</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Gaps between the kernel&apos;s taps. Dilation 2 spreads a 3×3 kernel over a 5×5 area: it sees further without more weights.</source>
        <translation>卷积核抽头之间的间隔。膨胀为 2 时，3×3 卷积核铺开在 5×5 的区域上：不增加权重就能看得更远。</translation>
    </message>
    <message>
        <source>How many filters this layer has. Each filter makes one output map, so this is the depth (number of channels) of the output.</source>
        <extracomment>field -&gt; its tooltip (context &quot;LayerEditor&quot;); %1 in the padding&apos;s is PADDING_HELP</extracomment>
        <translation>这一层有多少个滤波器。每个滤波器产生一张输出特征图，所以这就是输出的深度（通道数）。</translation>
    </message>
    <message>
        <source>How many numbers this layer outputs; each is a weighted sum of all inputs. The last dense layer needs one output per class (10 digits).</source>
        <translation>这一层输出多少个数；每个数都是全部输入的加权和。最后一个全连接层需要每个类别一个输出（10 个数字）。</translation>
    </message>
    <message>
        <source>How many pixels the window jumps between positions. Stride 2 roughly halves the output&apos;s width and height.</source>
        <translation>窗口每次移动多少个像素。步长为 2 时，输出的宽和高大约减半。</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Max keeps the strongest value of each window; average keeps their mean.</source>
        <translation>最大池化保留每个窗口中最强的值；平均池化保留它们的平均值。</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <source>Not flipped: cross-correlation, what CNN libraries compute.</source>
        <translation>未翻转：互相关，即 CNN 框架实际计算的。</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>Output size = ⌊(input + padding − kernel span) / stride⌋ + 1. The kernel span is dilation·(kernel − 1) + 1.</source>
        <translation>输出尺寸 = ⌊(输入 + 填充 − 卷积核跨度) / 步长⌋ + 1。卷积核跨度 = 膨胀·(卷积核 − 1) + 1。</translation>
    </message>
    <message>
        <source>Outputs (units)</source>
        <translation>输出个数（单元）</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Pick a layer in the list to see and change its settings.</source>
        <translation>在列表中选一层，查看并修改它的设置。</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Real convolution turns the kernel 180° before sliding it. Deep-learning libraries skip the turn (cross-correlation); a learned kernel does not care.</source>
        <translation>真正的卷积在滑动前把卷积核旋转 180°。深度学习框架省去了这一步（互相关）；学出来的卷积核并不在乎。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Show the layer as it is in the network</source>
        <translation>显示该层在网络中的当前状态</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>The function applied to every value on its own.</source>
        <translation>逐个作用于每个值的函数。</translation>
    </message>
    <message>
        <source>What negative values are multiplied by (0 would be a plain ReLU).</source>
        <translation>负值要乘的系数（为 0 时就是普通的 ReLU）。</translation>
    </message>
    <message>
        <source>What the border is filled with: zeros, a mirror image of the edge (reflect), copies of the edge pixels (replicate) or the opposite edge (circular).</source>
        <translation>边框用什么填充：零（零填充）、边缘的镜像（reflect）、边缘像素的复制（replicate）或对侧的边缘（circular）。</translation>
    </message>
    <message>
        <source>When the windows do not fit exactly, round the output size up, keeping a last partial window instead of dropping it.</source>
        <translation>窗口不能正好铺满时，把输出尺寸向上取整，保留最后一个不完整的窗口而不是丢掉它。</translation>
    </message>
    <message>
        <source>Width and height of the window that slides over the input. A bigger window sees more at once but has more weights.</source>
        <translation>在输入上滑动的窗口的宽和高。窗口越大，一次看到的越多，但权重也越多。</translation>
    </message>
    <message>
        <source>Window size</source>
        <translation>窗口大小</translation>
    </message>
    <message>
        <source>add a bias</source>
        <translation>加偏置</translation>
    </message>
    <message>
        <source>count the padding</source>
        <translation>计入填充</translation>
    </message>
    <message>
        <source>round the size up</source>
        <translation>尺寸向上取整</translation>
    </message>
    <message>
        <source>same as the window</source>
        <translation>与窗口相同</translation>
    </message>
    <message>
        <source>true convolution (turn the kernel 180°)</source>
        <translation>真正的卷积（卷积核旋转 180°）</translation>
    </message>
</context>
<context>
    <name>LayerForm</name>
    <message>
        <source>(%1 / %2 is not whole, so rounded down: the last partial window is dropped)</source>
        <translation>（%1 / %2不是整数，所以向下取整：丢掉最后一个不完整的窗口）</translation>
    </message>
    <message>
        <source>(%1 / %2 is not whole, so rounded up: a last partial window is kept)</source>
        <translation>（%1 / %2不是整数，所以向上取整：保留最后一个不完整的窗口）</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>height and width: %1</source>
        <translation>高和宽：%1</translation>
    </message>
    <message>
        <source>height: %1</source>
        <translation>高：%1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>padding &apos;%1&apos; not understood: %2</source>
        <translation>无法理解填充 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>padding must be ≥ 0 (pixels added at a border), not %1</source>
        <translation>填充必须 ≥ 0（在边缘加的像素数），而不是%1</translation>
    </message>
    <message>
        <source>type a number, valid, same, full, a (rows, cols) pair like 1, 2, or (top, bottom), (left, right) like (2, 0), (2, 0)</source>
        <translation>输入一个数、valid、same、full、一对（行, 列）如 1, 2，或（上, 下）, （左, 右）如 (2, 0), (2, 0)</translation>
    </message>
    <message>
        <source>width: %1</source>
        <translation>宽：%1</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>%1&apos;s weights no longer fitted after the change, so they are random now: train (Ctrl+T) or undo (Ctrl+Z).</source>
        <translation>%1的权重在更改后不再适配，因此现在是随机的：训练（Ctrl+T）或撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>%1: output %2, %3 weights, %4 multiply-adds; each unit sees a %5 patch of the input</source>
        <translation>%1：输出%2，%3个权重，%4次乘加；每个单元看到输入中%5的一块</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Delete the selected layer (Delete)</source>
        <translation>删除所选的层（Delete）</translation>
    </message>
    <message>
        <source>Insert a new layer after the selected one</source>
        <translation>在所选的层之后插入新层</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动%1</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected layer one step earlier</source>
        <translation>把所选的层前移一步</translation>
    </message>
    <message>
        <source>Move the selected layer one step later</source>
        <translation>把所选的层后移一步</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>Reorder layers</source>
        <translation>重排层</translation>
    </message>
    <message>
        <source>The layers in the order the image flows through them. Drag a row to move a layer.</source>
        <translation>按图像流过的顺序排列的层。拖动一行可移动一层。</translation>
    </message>
    <message>
        <source>re-initialised</source>
        <translation>已重新初始化</translation>
    </message>
</context>
<context>
    <name>LessonBanner</name>
    <message>
        <source>&lt;b&gt;Lesson: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;课程：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Try:&lt;/i&gt; %1</source>
        <translation>&lt;i&gt;试一试：&lt;/i&gt;%1</translation>
    </message>
    <message>
        <source>Close the lesson (the network stays)</source>
        <extracomment>lines of text the banner grows to before its text scrolls (the maps below keep the rest)</extracomment>
        <translation>关闭课程（网络保持不变）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About ConvScope</source>
        <translation>关于 ConvScope(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Centre like MNIST</source>
        <translation>像 MNIST 一样居中(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Clear drawing</source>
        <translation>清除画布(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Input size</source>
        <translation>输入尺寸(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Maps as PNG…</source>
        <translation>特征图为 PNG(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>ONNX(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Open network…</source>
        <translation>打开网络(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;PyTorch script…</source>
        <translation>PyTorch 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Save network…</source>
        <translation>保存网络(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Train the network…</source>
        <translation>训练网络(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Trained digit network</source>
        <translation>已训练的数字网络(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Untrained digit network</source>
        <translation>未训练的数字网络(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&lt;b&gt;ConvScope&lt;/b&gt; — draw a digit and watch a convolutional network think.&lt;p&gt;Sample digits: the MNIST database (LeCun, Cortes, Burges), CC BY-SA 3.0.</source>
        <translation>&lt;b&gt;ConvScope&lt;/b&gt;——画一个数字，看卷积神经网络如何思考。&lt;p&gt;样例数字：MNIST 数据库（LeCun、Cortes、Burges），CC BY-SA 3.0。</translation>
    </message>
    <message>
        <source>About ConvScope</source>
        <translation>关于 ConvScope</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message>
        <source>Cannot change the input size</source>
        <translation>无法更改输入尺寸</translation>
    </message>
    <message>
        <source>Cannot export the maps</source>
        <translation>无法导出特征图</translation>
    </message>
    <message>
        <source>Cannot export the network</source>
        <translation>无法导出网络</translation>
    </message>
    <message>
        <source>Cannot load the image</source>
        <translation>无法载入图像</translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation>无法打开示例课程</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Cannot open the network</source>
        <translation>无法打开网络</translation>
    </message>
    <message>
        <source>Cannot open the trained network</source>
        <translation>无法打开已训练的网络</translation>
    </message>
    <message>
        <source>Cannot save the network</source>
        <translation>无法保存网络</translation>
    </message>
    <message>
        <source>Cannot use the network</source>
        <translation>无法使用该网络</translation>
    </message>
    <message>
        <source>Clear the drawing (also Esc or Delete on the canvas)</source>
        <translation>清除画布上的内容（在画布上按 Esc 或 Delete 也可以）</translation>
    </message>
    <message>
        <source>ConvScope &amp;help</source>
        <translation>ConvScope 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>ConvScope could not keep the current network for next time in %1 (%2). Save it somewhere else before quitting?</source>
        <translation>ConvScope 无法在%1中保存当前网络以供下次使用（%2）。退出前先把它保存到别处吗？</translation>
    </message>
    <message>
        <source>ConvScope networks (*.npz);;All files (*)</source>
        <translation>ConvScope 网络 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>ConvScope — draw a digit, watch a CNN think</source>
        <extracomment>the maps&apos; least width, in pixels: three 28-pixel maps and their scale bar at one pixel each</extracomment>
        <translation>ConvScope——画一个数字，看卷积神经网络如何思考</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入%1。</translation>
    </message>
    <message>
        <source>Crop, scale to 20×20 and centre the drawing by mass, as MNIST digits were prepared</source>
        <translation>按 MNIST 数字的处理方式，把画裁剪、缩放到 20×20，并按重心居中</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>数字%1</translation>
    </message>
    <message>
        <source>Draw an image file (PNG, JPEG) fitted to the input: in grey, or in colour for a network with 3 input channels</source>
        <translation>绘制一个图像文件（PNG、JPEG），适配到输入：灰度，或对有 3 个输入通道的网络用彩色</translation>
    </message>
    <message>
        <source>Explain a &amp;concept</source>
        <translation>讲解一个概念(&amp;C)</translation>
    </message>
    <message>
        <source>Export as a PyTorch script</source>
        <translation>导出为 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Export maps</source>
        <translation>导出特征图</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到%1</translation>
    </message>
    <message>
        <source>Favourite digits</source>
        <translation>最爱的数字</translation>
    </message>
    <message>
        <source>Height and width of the input, pixels:</source>
        <translation>输入的高和宽（像素）：</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <source>Input size %1×%1</source>
        <translation>输入尺寸%1×%1</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation>学到的滤波器</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>载入%1</translation>
    </message>
    <message>
        <source>Load &amp;image…</source>
        <translation>载入图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Load a network: a ConvScope .npz with weights, a .json layer spec, or an ONNX model trained elsewhere</source>
        <translation>加载网络：带权重的 ConvScope .npz、.json 层规格，或在别处训练的 ONNX 模型</translation>
    </message>
    <message>
        <source>Load image</source>
        <translation>载入图像</translation>
    </message>
    <message>
        <source>Networks (*.npz *.json *.onnx);;ConvScope networks (*.npz *.json);;ONNX models (*.onnx);;All files (*)</source>
        <translation>网络 (*.npz *.json *.onnx);;ConvScope 网络 (*.npz *.json);;ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New trained digit network</source>
        <translation>新建已训练的数字网络</translation>
    </message>
    <message>
        <source>New untrained digit network</source>
        <translation>新建未训练的数字网络</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开%1</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Quit without keeping it</source>
        <translation>退出且不保留</translation>
    </message>
    <message>
        <source>Receptive fields</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样例%1</translation>
    </message>
    <message>
        <source>Sample &amp;digits</source>
        <translation>样例数字(&amp;D)</translation>
    </message>
    <message>
        <source>Save elsewhere…</source>
        <translation>保存到别处…</translation>
    </message>
    <message>
        <source>Save every layer&apos;s maps as one PNG</source>
        <translation>把每一层的特征图保存为一张 PNG</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <source>Save the layers and weights</source>
        <translation>保存各层及其权重</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到%1</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <source>The network cannot be remembered</source>
        <translation>无法记住该网络</translation>
    </message>
    <message>
        <source>The same layers with fresh random weights, ready to train (Ctrl+T)</source>
        <translation>相同的层，使用新的随机权重，可以开始训练（Ctrl+T）</translation>
    </message>
    <message>
        <source>The shipped digit network, trained on MNIST (99 % right)</source>
        <translation>随附的数字网络，已在 MNIST 上训练（正确率 99 %）</translation>
    </message>
    <message>
        <source>Train the current network on MNIST digits and watch its filters learn</source>
        <translation>用 MNIST 数字训练当前网络，看它的滤波器如何学习</translation>
    </message>
    <message>
        <source>Unit inspector</source>
        <translation>单元检查器</translation>
    </message>
    <message>
        <source>What filters want</source>
        <translation>滤波器想要什么</translation>
    </message>
    <message>
        <source>Write a Python script with an nn.Sequential of these layers, its weights in an .npz beside it, to train further in PyTorch</source>
        <translation>写出一个 Python 脚本，其中是这些层的 nn.Sequential，权重放在旁边的 .npz 中，以便在 PyTorch 中继续训练</translation>
    </message>
    <message>
        <source>Write the network as an ONNX model (opset 19, any batch size) for PyTorch, ONNX Runtime and other tools</source>
        <translation>把网络写成 ONNX 模型（opset 19，任意批大小），供 PyTorch、ONNX Runtime 等工具使用</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source> &amp;nbsp; &lt;i&gt;channel %1 (double-click: all)&lt;/i&gt;</source>
        <translation> &amp;nbsp; &lt;i&gt;通道%1（双击：全部）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
</context>
<context>
    <name>OnnxImportDialog</name>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>%1: %2 layers on %3 channels %4×%5 input.</source>
        <translation>%1：%2层，输入为%3个通道的%4×%5图像。</translation>
    </message>
    <message>
        <source>%1: %2 layers on 1 channel %3×%4 input.</source>
        <translation>%1：%2层，输入为 1 个通道的%3×%4图像。</translation>
    </message>
    <message>
        <source>%1: %2 layers on colour (R, G, B) %3×%4 input.</source>
        <translation>%1：%2层，输入为彩色（R、G、B）%3×%4图像。</translation>
    </message>
    <message>
        <source>(pixel − 0.1307) / 0.3081: what torchvision&apos;s MNIST examples train on.</source>
        <translation>(像素 − 0.1307) / 0.3081：torchvision 的 MNIST 示例训练时用的就是它。</translation>
    </message>
    <message>
        <source>(pixel − 0.5) / 0.5: pixels spread over −1 … 1.</source>
        <translation>(像素 − 0.5) / 0.5：像素分布在 −1 … 1 之间。</translation>
    </message>
    <message>
        <source>Cannot use this model at %1×%2: %3</source>
        <translation>无法在%1×%2下使用这个模型：%3</translation>
    </message>
    <message>
        <source>Dark ink on light paper (the model saw 1 − pixel)</source>
        <translation>浅色纸上的深色笔迹（模型看到的是 1 − 像素）</translation>
    </message>
    <message>
        <source>First prediction on your drawing: %1 (%2 %).</source>
        <translation>对你的绘图的首个预测：%1（%2 %）。</translation>
    </message>
    <message>
        <source>Input normalisation:</source>
        <translation>输入归一化：</translation>
    </message>
    <message>
        <source>Input size:</source>
        <translation>输入尺寸：</translation>
    </message>
    <message>
        <source>Largest output on your drawing: number %1 (%2).</source>
        <translation>你的绘图上最大的输出：第%1个（%2）。</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>未打开：%1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开%1</translation>
    </message>
    <message>
        <source>Per colour channel: mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225).</source>
        <translation>按颜色通道：均值 (0.485, 0.456, 0.406)，标准差 (0.229, 0.224, 0.225)。</translation>
    </message>
    <message>
        <source>Pixels as they are: 0 for the background, 1 for full ink.</source>
        <translation>像素保持原样：背景为 0，满墨为 1。</translation>
    </message>
    <message>
        <source>The model accepts any size here; ConvScope needs one to draw on.</source>
        <translation>模型在这里接受任意尺寸；ConvScope 需要一个尺寸来作画。</translation>
    </message>
    <message>
        <source>The model fixes its input size.</source>
        <translation>模型固定了它的输入尺寸。</translation>
    </message>
    <message>
        <source>The model outputs maps of %1.</source>
        <translation>模型输出%1的特征图。</translation>
    </message>
    <message>
        <source>The numbers the model was trained on: ConvScope turns each pixel of your drawing into them before the first layer.</source>
        <translation>模型训练时所用的数值：ConvScope 在第一层之前把你绘图的每个像素换算成这些数。</translation>
    </message>
    <message>
        <source>as saved in the file</source>
        <translation>按文件中保存的</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>the normalisations&apos; names as the menu shows them (&quot;none&quot; is a word, the others names)</extracomment>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>%1 and %2 were re-initialised (random weights): train (Ctrl+T) or undo (Ctrl+Z).</source>
        <translation>%1和%2已重新初始化（随机权重）：请训练（Ctrl+T）或撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>%1 was re-initialised (random weights): train (Ctrl+T) or undo (Ctrl+Z).</source>
        <translation>%1已重新初始化（随机权重）：请训练（Ctrl+T）或撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; sure</source>
        <translation>把握 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No prediction: the network does not end in softmax (… → dense → softmax).</source>
        <translation>没有预测：网络不是以 softmax 结尾（… → 全连接 → softmax）。</translation>
    </message>
    <message>
        <source>No prediction: the softmax here spreads over maps, not over classes. Make the network end in flatten → dense (one output per class) → softmax.</source>
        <translation>没有预测：这里的 softmax 分布在特征图上，而不是类别上。让网络以“展平 → 全连接（每个类别一个输出）→ softmax”结尾。</translation>
    </message>
    <message>
        <source>Nothing drawn yet: draw a digit on the canvas to see what the network reads.</source>
        <translation>还没有绘制：在画布上画一个数字，看看网络读出什么。</translation>
    </message>
    <message>
        <source>probability of each class</source>
        <translation>每个类别的概率</translation>
    </message>
    <message>
        <source>then %1 · %2</source>
        <translation>其次%1 · %2</translation>
    </message>
</context>
<context>
    <name>ReceptiveFieldTable</name>
    <message>
        <source>%1 of %2</source>
        <translation>%2中的%1</translation>
    </message>
    <message>
        <source>%1 px: neighbouring units are less than a pixel apart (upsampled)</source>
        <translation>%1像素：相邻单元相距不到一个像素（上采样）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>jump j</source>
        <translation>跳距 j</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>layer</source>
        <extracomment>the columns&apos; names, also the keys of ``ReceptiveFieldTable.cell``; the headers translate them</extracomment>
        <translation>层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>pixels seen</source>
        <translation>看到的像素</translation>
    </message>
    <message>
        <source>r: window size in input pixels · j (jump): input pixels between neighbouring units · start: input position of the first unit&apos;s centre</source>
        <translation>r：以输入像素计的窗口大小 · j（跳距）：相邻单元之间相隔的输入像素 · 起点：第一个单元的中心在输入中的位置</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation>画布上的图</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>whole input</source>
        <translation>整个输入</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Click a map unit, arrow keys, Esc</source>
        <translation>单击特征图单元、方向键、Esc</translation>
    </message>
    <message>
        <source>Ctrl+0 … Ctrl+9</source>
        <translation>Ctrl+0 … Ctrl+9</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Ctrl+O / Ctrl+S</source>
        <translation>Ctrl+O / Ctrl+S</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z, Ctrl+Y</source>
        <translation>Ctrl+Shift+Z, Ctrl+Y</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Delete, Backspace (canvas); Ctrl+L</source>
        <translation>Delete、Backspace（画布）；Ctrl+L</translation>
    </message>
    <message>
        <source>Double-click a map channel</source>
        <translation>双击特征图的一个通道</translation>
    </message>
    <message>
        <source>E (canvas)</source>
        <translation>E（画布）</translation>
    </message>
    <message>
        <source>Esc (canvas)</source>
        <translation>Esc（画布）</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Hover a map unit</source>
        <translation>悬停在特征图单元上</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>键盘与鼠标</translation>
    </message>
    <message>
        <source>Left drag on the canvas</source>
        <extracomment>(keys, what they do)</extracomment>
        <translation>在画布上按左键拖动</translation>
    </message>
    <message>
        <source>R (Attribution dock)</source>
        <translation>R（归因面板）</translation>
    </message>
    <message>
        <source>Right drag on the canvas</source>
        <translation>在画布上按右键拖动</translation>
    </message>
    <message>
        <source>[ / ] (canvas)</source>
        <translation>[ / ]（画布）</translation>
    </message>
    <message>
        <source>clear the drawing</source>
        <translation>清除画布</translation>
    </message>
    <message>
        <source>draw (soft round brush)</source>
        <translation>绘画（柔边圆画笔）</translation>
    </message>
    <message>
        <source>draw a sample digit</source>
        <translation>画出一个样例数字</translation>
    </message>
    <message>
        <source>enlarge it (double-click again to go back)</source>
        <translation>放大它（再次双击返回）</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>explanations of the concepts</source>
        <translation>概念讲解</translation>
    </message>
    <message>
        <source>export the activation maps as PNG</source>
        <translation>将激活图导出为 PNG</translation>
    </message>
    <message>
        <source>load an image file (PNG/JPEG, fitted to the input size; colour for RGB networks)</source>
        <translation>加载图像文件（PNG/JPEG，适配到输入大小；RGB 网络用彩色）</translation>
    </message>
    <message>
        <source>occlude the drawing again</source>
        <translation>重新对画做遮挡分析</translation>
    </message>
    <message>
        <source>open / save a network</source>
        <translation>打开 / 保存网络</translation>
    </message>
    <message>
        <source>pin it, move the pinned unit, unpin it</source>
        <translation>固定它、移动被固定的单元、取消固定</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>show its receptive-field window on the canvas</source>
        <translation>在画布上显示它的感受野窗口</translation>
    </message>
    <message>
        <source>smaller / bigger brush</source>
        <translation>缩小 / 放大画笔</translation>
    </message>
    <message>
        <source>start again from the trained digit network (File ▸ New)</source>
        <translation>从已训练的数字网络重新开始（文件 ▸ 新建）</translation>
    </message>
    <message>
        <source>toggle the eraser</source>
        <translation>切换橡皮擦</translation>
    </message>
    <message>
        <source>train the network on MNIST digits</source>
        <translation>用 MNIST 数字训练网络</translation>
    </message>
    <message>
        <source>undo (whole strokes, kernel and layer edits)</source>
        <translation>撤销（整笔笔画、卷积核与层的编辑）</translation>
    </message>
    <message>
        <source>unpin the pinned unit; with nothing pinned, clear the drawing</source>
        <translation>取消固定单元；没有固定单元时清除画布</translation>
    </message>
</context>
<context>
    <name>SlideAnimation</name>
    <message>
        <source>
As a plain conv: stride − 1 zeros between the input pixels, padding d(k − 1) − p, the kernel turned 180°, stride 1.</source>
        <translation>
当作普通卷积来看：输入像素之间插入（步长 − 1）个零，填充 d(k − 1) − p，卷积核旋转 180°，步长 1。</translation>
    </message>
    <message>
        <source>%1 channel %2 · %3×%4</source>
        <translation>%1通道%2 · %3×%4</translation>
    </message>
    <message>
        <source>%1 filter %2 · %3×%4</source>
        <translation>%1滤波器%2 · %3×%4</translation>
    </message>
    <message>
        <source>%1 output units; press Step or Play. Stride %2×%3.</source>
        <translation>%1个输出单元；按“单步”或“播放”。步长%2×%3。</translation>
    </message>
    <message>
        <source>%1 · %2×%3%4 · %5</source>
        <translation>%1 · %2×%3%4 · %5</translation>
    </message>
    <message>
        <source>, zeros inserted</source>
        <translation>，已插入零</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>One stride back</source>
        <translation>后退一个步长</translation>
    </message>
    <message>
        <source>One stride forward</source>
        <translation>前进一个步长</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>The conv or pool layer whose window slides</source>
        <extracomment>the drawing itself, white on black as on the canvas</extracomment>
        <translation>窗口在其上滑动的卷积层或池化层</translation>
    </message>
    <message>
        <source>The input channel shown under the window</source>
        <translation>窗口下显示的输入通道</translation>
    </message>
    <message>
        <source>The output channel (the filter, for a convolution)</source>
        <translation>输出通道（对卷积而言即滤波器）</translation>
    </message>
    <message>
        <source>This network has no conv or pool layer to animate.</source>
        <translation>这个网络没有可演示的卷积层或池化层。</translation>
    </message>
    <message>
        <source>Units per second</source>
        <translation>每秒单元数</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>input channel</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>no padding</source>
        <translation>无填充</translation>
    </message>
    <message>
        <source>padding %1 (%2)</source>
        <translation>填充%1（%2）</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>unit %1 of %2: row %3, col %4 = %5</source>
        <translation>单元%1 / %2：第%3行，第%4列 = %5</translation>
    </message>
    <message>
        <source>zeros, counted</source>
        <translation>零，计入</translation>
    </message>
    <message>
        <source>zeros, not counted</source>
        <translation>零，不计入</translation>
    </message>
    <message>
        <source>−∞, never wins</source>
        <translation>−∞，永不胜出</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>The maps are being computed; the ones shown are the last ones</source>
        <translation>正在计算特征图；显示的是上一次的结果</translation>
    </message>
    <message>
        <source>Undo history full: the oldest %2 steps were dropped (the history keeps %1 MB).</source>
        <translation>撤销历史已满：最早的%2步已被丢弃（历史最多保留%1 MB）。</translation>
    </message>
    <message>
        <source>Undo history full: the oldest step was dropped (the history keeps %1 MB).</source>
        <translation>撤销历史已满：最早的一步已被丢弃（历史最多保留%1 MB）。</translation>
    </message>
    <message>
        <source>input %1  ·  %2 parameters  ·  %3 multiply-adds</source>
        <translation>输入%1  ·  %2个参数  ·  %3次乘加</translation>
    </message>
    <message>
        <source>·  computing the maps…</source>
        <translation>·  正在计算特征图…</translation>
    </message>
    <message>
        <source>·  forward %1 ms</source>
        <translation>·  前向计算%1 ms</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Loss (cross-entropy)</source>
        <extracomment>accuracy axis: 0 … 100 % labelled every 20 %, with headroom so that the &quot;100&quot; label fits and a line near 100 % stays clear of the top edge</extracomment>
        <translation>损失（交叉熵）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>held-out digits</source>
        <translation>留出的数字</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training (epoch mean so far)</source>
        <translation>训练（本轮至今的平均）</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1%2. Revert puts the weights from before training back; Edit ▸ Undo does too.</source>
        <translation>%1%2。“还原”会放回训练前的权重；“编辑 ▸ 撤销”也可以。</translation>
    </message>
    <message>
        <source>%1. The weights from before training are back.</source>
        <translation>%1。训练前的权重已恢复。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Augment: randomly shift, rotate and scale each digit</source>
        <translation>数据增强：随机平移、旋转和缩放每个数字</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Choose the IDX image file</source>
        <translation>选择 IDX 图像文件</translation>
    </message>
    <message>
        <source>Choose the IDX label file</source>
        <translation>选择 IDX 标签文件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, %3 % right on the training batches so far · %4 digits/s</source>
        <translation>第%1轮：损失%2，到目前为止训练批次上正确率%3 % · 每秒%4个数字</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>IDX files (*idx*);;All files (*)</source>
        <translation>IDX 文件 (*idx*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Put back the weights from before the last run</source>
        <translation>放回上次训练前的权重</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Revert training</source>
        <translation>还原训练</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Stopped; the weights learned so far are kept</source>
        <translation>已停止；保留到目前为止学到的权重</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>The images are %1×%2 pixels but the network takes %3×%4 input. Set the input size to %1×%2 or pick images of the network&apos;s size.</source>
        <translation>图像是%1×%2像素，但网络的输入是%3×%4。请把输入尺寸设为%1×%2，或选择与网络尺寸相同的图像。</translation>
    </message>
    <message>
        <source>The network changed since the last run, so Revert no longer applies; Edit ▸ Undo still goes back step by step.</source>
        <translation>上次训练之后网络已经改变，所以“还原”不再适用；“编辑 ▸ 撤销”仍可一步步退回。</translation>
    </message>
    <message>
        <source>The network was replaced or its layers changed while it was training, so the trained weights were not applied.</source>
        <translation>训练期间网络被替换或其层被改变，所以没有应用训练出的权重。</translation>
    </message>
    <message>
        <source>The peak rate: it warms up to this value, then anneals (one-cycle)</source>
        <translation>峰值学习率：先预热升到这个值，再逐渐退火（单周期策略）</translation>
    </message>
    <message>
        <source>The weights from before training are back.</source>
        <translation>训练前的权重已恢复。</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>Train network (stopped early)</source>
        <translation>训练网络（提前停止）</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>Training data: an IDX image file and its label file, as in MNIST</source>
        <translation>训练数据：一个 IDX 图像文件及其标签文件，与 MNIST 相同</translation>
    </message>
    <message>
        <source>Training needs a network that ends in softmax (one probability per digit class): it learns by comparing those probabilities with the right answers. End the network with a dense layer of one output per class followed by softmax.</source>
        <translation>训练需要以 softmax 结尾的网络（每个数字类别一个概率）：它通过把这些概率与正确答案比较来学习。请让网络以每类一个输出的全连接层加 softmax 结尾。</translation>
    </message>
    <message>
        <source>Training on %1 digits, measuring on %2 held-out ones…</source>
        <translation>正在用%1个数字训练，用%2个留出的数字评估…</translation>
    </message>
    <message>
        <source>current weights (fine-tune)</source>
        <translation>当前权重（微调）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>epoch %1 of %2 · batch %3 of %4</source>
        <translation>第%1 / %2轮 · 第%3 / %4批</translation>
    </message>
    <message>
        <source>fresh random weights (from scratch)</source>
        <translation>新的随机权重（从头训练）</translation>
    </message>
    <message>
        <source>held-out accuracy %1 % after epoch %2</source>
        <translation>第%2轮后留出数据准确率%1 %</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training failed: %1: %2</source>
        <translation>训练失败：%1：%2</translation>
    </message>
</context>
<context>
    <name>UnitInspector</name>
    <message>
        <source> + %1 (other %2)</source>
        <translation> + %1（其余%2个）</translation>
    </message>
    <message>
        <source> Padding counts as −∞, so it never wins.</source>
        <translation>填充按 −∞ 计，所以永远不会胜出。</translation>
    </message>
    <message>
        <source>#%1: ch %2, row %3, col %4</source>
        <translation>#%1：通道%2，第%3行，第%4列</translation>
    </message>
    <message>
        <source>%1(x) = %2, applied to this one unit.</source>
        <translation>%1(x) = %2，只作用于这一个单元。</translation>
    </message>
    <message numerus="yes">
        <source>%n input unit(s) × kernel tap reach this unit (input row·stride − padding + tap row·dilation = %1):</source>
        <translation>
            <numerusform>%n 个（输入单元 × 卷积核抽头）到达这个单元（输入行·步长 − 填充 + 抽头行·膨胀 = %1）：</numerusform>
        </translation>
    </message>
    <message>
        <source>(hovered)</source>
        <translation>（悬停）</translation>
    </message>
    <message>
        <source>(pinned)</source>
        <translation>（已固定）</translation>
    </message>
    <message>
        <source>(x − mean) / √(var + eps) · γ + β = (%1 − %2) / √(%3 + %4) · %5 + %6 = %7 · %5 + %6 = %8</source>
        <translation>(x − 均值) / √(方差 + eps) · γ + β = (%1 − %2) / √(%3 + %4) · %5 + %6 = %7 · %5 + %6 = %8</translation>
    </message>
    <message>
        <source>Batch norm shifts and scales each channel by its running mean and variance (learned while training), then by the learned γ (weight) and β (bias):</source>
        <translation>批归一化用每个通道的滑动均值和方差（训练时得到）对它平移和缩放，再乘以学到的 γ（权重）并加上 β（偏置）：</translation>
    </message>
    <message>
        <source>Each input unit stamps the kernel, times its value, onto the output, stride apart.</source>
        <translation>每个输入单元把卷积核乘以自己的值后“盖印”到输出上，相邻印记相隔一个步长。</translation>
    </message>
    <message>
        <source>Effective receptive field</source>
        <extracomment>input channels a conv unit&apos;s page draws (window, kernel, products each); a 1024-channel layer would otherwise build thousands of grids and freeze the window</extracomment>
        <translation>有效感受野</translation>
    </message>
    <message>
        <source>Flatten copies input channel %1, row %2, col %3 to position %4.</source>
        <translation>展平把输入通道%1第%2行第%3列的值复制到位置%4。</translation>
    </message>
    <message>
        <source>Flatten copies input position %1 to position %2: its input is one list already.</source>
        <translation>展平把输入位置%1复制到位置%2：它的输入已经是一个列表。</translation>
    </message>
    <message>
        <source>Grouped convolution: this filter sees only %1 of %2, its group&apos;s share (%3 groups); the other channels have their own filters.</source>
        <translation>分组卷积：这个滤波器只看到%2个通道中的%1，即它所在组的那一份（共%3组）；其余通道有各自的滤波器。</translation>
    </message>
    <message>
        <source>Hatched cells are padding (%1).</source>
        <translation>画斜线的格子是填充（%1）。</translation>
    </message>
    <message>
        <source>Heatmap on the canvas: how strongly each input pixel changes the pinned unit (|∂unit/∂pixel|). It is strongest near the window&apos;s centre.</source>
        <translation>画布上的热力图：每个输入像素对被固定单元的影响有多大（|∂单元/∂像素|）。越靠近窗口中心越强。</translation>
    </message>
    <message>
        <source>Hover over a unit in the activation maps to see how it is computed; click to pin it (arrow keys move it, Esc unpins).</source>
        <translation>把鼠标悬停在激活图中的一个单元上，查看它是怎样算出来的；单击可固定它（方向键移动，Esc 取消固定）。</translation>
    </message>
    <message>
        <source>Input channels %1–%2 are not drawn; their sums are in the total below.</source>
        <translation>输入通道%1–%2没有画出；它们的和包含在下面的总和中。</translation>
    </message>
    <message>
        <source>Padding counted: its %1 cells add 0 to the sum but count in the divisor.</source>
        <translation>填充计入：它的%1个格子给和加 0，但计入除数。</translation>
    </message>
    <message>
        <source>Padding not counted: only the real pixels are averaged.</source>
        <translation>填充不计入：只对真实像素取平均。</translation>
    </message>
    <message>
        <source>The %1 largest of %2 contributions input · weight:</source>
        <translation>%2项贡献（输入 · 权重）中最大的%1项：</translation>
    </message>
    <message>
        <source>The framed cell wins: input row %1, col %2.</source>
        <translation>带框的格子胜出：输入第%1行第%2列。</translation>
    </message>
    <message>
        <source>The window lies inside the input: no padding.</source>
        <translation>窗口完全在输入内部：没有填充。</translation>
    </message>
    <message>
        <source>Unit inspector</source>
        <translation>单元检查器</translation>
    </message>
    <message>
        <source>ch %1, row %2, col %3</source>
        <translation>通道%1，第%2行，第%3列</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道%1</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>e^(z − %1) for every input z (subtracting the largest keeps the exponentials finite), then each divided by their sum %2:</source>
        <translation>对每个输入 z 计算 e^(z − %1)（减去最大值使指数保持有限），再各自除以它们的和%2：</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>input channel %1</source>
        <translation>输入通道%1</translation>
    </message>
    <message>
        <source>input channels %1–%2</source>
        <translation>输入通道%1–%2</translation>
    </message>
    <message>
        <source>input unit</source>
        <translation>输入单元</translation>
    </message>
    <message>
        <source>input window</source>
        <translation>输入窗口</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>kernel (flipped 180°)</source>
        <translation>卷积核（旋转 180°）</translation>
    </message>
    <message>
        <source>max(window) = %1</source>
        <translation>max(窗口) = %1</translation>
    </message>
    <message>
        <source>mean %1, variance %2, eps %3, γ %4, β %5</source>
        <translation>均值%1，方差%2，eps %3，γ %4，β %5</translation>
    </message>
    <message>
        <source>mean = (%1) / %2 = %3 / %2 = %4</source>
        <translation>平均 = (%1) / %2 = %3 / %2 = %4</translation>
    </message>
    <message>
        <source>products</source>
        <translation>乘积</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>抽头</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>value = %1</source>
        <translation>值 = %1</translation>
    </message>
    <message>
        <source>value·weight</source>
        <translation>值·权重</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Σ products + bias</source>
        <translation>Σ 乘积 + 偏置</translation>
    </message>
    <message>
        <source>Σ stamps + bias = %1 + %2 = %3</source>
        <translation>Σ 印记 + 偏置 = %1 + %2 = %3</translation>
    </message>
</context>
<context>
    <name>WhatFiltersWant</name>
    <message>
        <source>%1 filters</source>
        <translation>%1的滤波器</translation>
    </message>
    <message>
        <source>%1: %2 on the starting noise, %3 on this</source>
        <translation>%1：在起始噪声上为%2，在这张图上为%3</translation>
    </message>
    <message>
        <source>Climbing the gradient from faint noise…</source>
        <translation>正在从微弱噪声出发做梯度上升…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The input that drives each class&apos;s score hardest: gradient ascent from faint noise (small random shifts, blur and a pull towards black keep it readable).</source>
        <translation>最能驱动每个类别得分的输入：从微弱噪声出发做梯度上升（小的随机平移、模糊和向黑色的拉拽使它保持可读）。</translation>
    </message>
    <message>
        <source>The input that drives the centre unit of each filter&apos;s map hardest, cut to its receptive field: gradient ascent from faint noise (small random shifts, blur and a pull towards black keep it readable).</source>
        <translation>最能驱动每个滤波器特征图中心单元的输入，裁成它的感受野：从微弱噪声出发做梯度上升（小的随机平移、模糊和向黑色的拉拽使它保持可读）。</translation>
    </message>
    <message>
        <source>The network has no conv layer and no class scores to look at.</source>
        <translation>这个网络没有卷积层，也没有类别得分可看。</translation>
    </message>
    <message>
        <source>Whose wishes to show: for each filter of this conv layer (or each class), the input that drives it hardest, found by gradient ascent from faint noise. A learned filter is a template, and this is the pattern it matches best.</source>
        <translation>要看谁想要什么：对这个卷积层的每个滤波器（或每个类别），显示最能激活它的输入，由微弱噪声出发做梯度上升求得。学到的滤波器是一个模板，这就是它匹配得最好的图案。</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别%1</translation>
    </message>
    <message>
        <source>classes (their scores)</source>
        <translation>类别（它们的得分）</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>滤波器%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source> It could not be set aside (%1); it stays at %2 and will be replaced when ConvScope quits.</source>
        <translation>它无法被移到一旁（%1）；它仍在%2，ConvScope 退出时会被替换。</translation>
    </message>
    <message>
        <source> The file is kept as %1.</source>
        <translation>该文件已保存为%1。</translation>
    </message>
    <message>
        <source>ConvScope could not use the network it remembered. %1</source>
        <translation>ConvScope 无法使用它记住的网络。%1</translation>
    </message>
    <message>
        <source>Started with the trained network</source>
        <translation>已使用训练好的网络启动</translation>
    </message>
    <message>
        <source>The shipped digit model could not be read (%1).</source>
        <translation>无法读取自带的数字模型（%1）。</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source> after padding</source>
        <translation>（填充后）</translation>
    </message>
    <message>
        <source>&quot;layers&quot; must be a list of layers like {&quot;type&quot;: &quot;relu&quot;}</source>
        <translation>&quot;layers&quot; 必须是由层组成的列表，例如 {&quot;type&quot;: &quot;relu&quot;}</translation>
    </message>
    <message>
        <source>&quot;same&quot; padding keeps the size only at stride 1; give the padding as a number for a strided convolution</source>
        <translation>&quot;same&quot; 填充只在步长为 1 时保持尺寸；步长大于 1 的卷积请把填充写成一个数</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2) cannot be written as ONNX yet</source>
        <translation>%1（%2）暂时还不能写成 ONNX</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 = %2 numbers in one list</source>
        <extracomment>the size arithmetic of the layers without a window (``Layer.formula``), in the layer editor</extracomment>
        <translation>%1 = %2个数排成一列</translation>
    </message>
    <message>
        <source>%1 array</source>
        <translation>%1数组</translation>
    </message>
    <message>
        <source>%1 cannot be negative, not %2</source>
        <translation>%1不能为负，而不是%2</translation>
    </message>
    <message>
        <source>%1 declares %2 bytes of data, more than it can need (%3)</source>
        <translation>%1声明有%2字节数据，超过它可能需要的大小（%3）</translation>
    </message>
    <message>
        <source>%1 declares %2 bytes, more than it can need (%3)</source>
        <translation>%1声明有%2字节，超过它可能需要的大小（%3）</translation>
    </message>
    <message>
        <source>%1 has shape %2 but the layer needs %3</source>
        <translation>%1的形状是%2，但该层需要%3</translation>
    </message>
    <message>
        <source>%1 holds %2 values, not numbers or text</source>
        <translation>%1含有%2类型的值，而不是数或文本</translation>
    </message>
    <message>
        <source>%1 is cut short; the file is truncated</source>
        <translation>%1不完整；文件被截断了</translation>
    </message>
    <message>
        <source>%1 is not an IDX file: it should start with 00 00, a type byte (08 for bytes) and the number of dimensions; it starts with %2</source>
        <translation>%1不是 IDX 文件：它应以 00 00、一个类型字节（字节数据为 08）和维数开头；它的开头却是%2</translation>
    </message>
    <message>
        <source>%1 is shown as a softmax: probabilities instead of their logarithms (the same prediction)</source>
        <translation>%1显示为 softmax：显示概率而不是它们的对数（预测相同）</translation>
    </message>
    <message>
        <source>%1 looks gzip-compressed but is damaged or cut short</source>
        <translation>%1看起来是 gzip 压缩文件，但已损坏或不完整</translation>
    </message>
    <message>
        <source>%1 must be (channels, height, width) or a batch of those, not an array of shape %2</source>
        <translation>%1必须是（通道, 高, 宽）或由它们组成的一批，而不是形状为%2的数组</translation>
    </message>
    <message>
        <source>%1 must be a number or a (height, width) pair, not %2</source>
        <translation>%1必须是一个数或（高, 宽）数对，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a number ≥ 0, not %2</source>
        <translation>%1必须是 ≥ 0 的数，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a whole number or a (height, width) pair, not %2</source>
        <translation>%1必须是整数或（高, 宽）数对，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not %2</source>
        <translation>%1必须是整数，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be an array of numbers with one shape</source>
        <translation>%1必须是形状统一的数值数组</translation>
    </message>
    <message>
        <source>%1 must be at least %2, not %3</source>
        <translation>%1至少为%2，而不是%3</translation>
    </message>
    <message>
        <source>%1 must be at least 1, not %2</source>
        <translation>%1至少为 1，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2</source>
        <translation>%1必须是 true 或 false，而不是%2</translation>
    </message>
    <message>
        <source>%1 must hold real numbers, not %2 values</source>
        <translation>%1必须是实数，而不是%2类型的值</translation>
    </message>
    <message>
        <source>%1 padding of %2 needs an input at least %3 %4, but it is %5 %6</source>
        <translation>%2的%1填充要求输入的%4至少为%3，但它的%6只有%5</translation>
    </message>
    <message>
        <source>%1 padding of %2×%3 needs an input larger than %4×%5</source>
        <translation>%2×%3的%1填充要求输入大于%4×%5</translation>
    </message>
    <message>
        <source>%1 should hold images (3 dimensions: count × height × width), it has %2</source>
        <translation>%1应保存图像（3 维：数量 × 高 × 宽），它却有%2维</translation>
    </message>
    <message>
        <source>%1 should hold one whole-number label per image</source>
        <translation>%1应为每幅图像保存一个整数标签</translation>
    </message>
    <message>
        <source>%1 would be %2, more than ConvScope handles (%3)</source>
        <translation>%1将为%2，超过 ConvScope 能处理的上限（%3）</translation>
    </message>
    <message>
        <source>%1 × %2 weights + %3 biases = %4 parameters</source>
        <translation>%1 × %2个权重 + %3个偏置 = %4个参数</translation>
    </message>
    <message>
        <source>%1 × %2 weights = %3 parameters</source>
        <translation>%1 × %2个权重 = %3个参数</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: expected one &apos;*%2*idx*&apos; file, found %3</source>
        <translation>%1：应有一个 &apos;*%2*idx*&apos; 文件，找到%3个</translation>
    </message>
    <message>
        <source>%1: its size in bytes</source>
        <translation>%1：其字节数</translation>
    </message>
    <message>
        <source>%1: labels must be 0 or more, found %2</source>
        <translation>%1：标签必须 ≥ 0，却有%2</translation>
    </message>
    <message>
        <source>%1: needs %2, but was given %3</source>
        <translation>%1：需要%2，却得到%3</translation>
    </message>
    <message>
        <source>%1: no &apos;*%2*idx*&apos; file found</source>
        <translation>%1：找不到 &apos;*%2*idx*&apos; 文件</translation>
    </message>
    <message>
        <source>%1: the %2 has shape %3 (%4) but this layer needs numbers of shape %5</source>
        <translation>%1：%2的形状是%3（%4），但这一层需要形状为%5的数</translation>
    </message>
    <message>
        <source>%1: the %2 holds values that are not finite numbers (NaN, infinity, or beyond float32&apos;s ±3.4e38)</source>
        <translation>%1：%2含有非有限数值（NaN、无穷大，或超出 float32 的 ±3.4e38）</translation>
    </message>
    <message>
        <source>%1: the IDX header declares %2 dimensions but is cut short</source>
        <translation>%1：IDX 文件头声明有%2维，但文件不完整</translation>
    </message>
    <message>
        <source>%1: the data its header declares, in bytes,</source>
        <translation>%1：其文件头声明的数据字节数</translation>
    </message>
    <message>
        <source>%1: the header promises %2 values (%3 bytes of data) but the file holds %4 bytes — it is truncated or not an IDX file</source>
        <translation>%1：文件头声明有%2个值（%3字节数据），文件却只有%4字节——它被截断了，或不是 IDX 文件</translation>
    </message>
    <message>
        <source>--validation must be between 0 and %1</source>
        <translation>--validation 必须在 0 到%1之间</translation>
    </message>
    <message>
        <source>30 along a bending stroke: responds strongly where the image has that curve, near 0 elsewhere.</source>
        <translation>沿一条弯曲笔画取值 30：图像中有这条曲线的地方响应强烈，其余地方接近 0。</translation>
    </message>
    <message>
        <source>5 × the pixel minus its four neighbours: boosts edges.</source>
        <translation>像素的 5 倍减去它的四个邻居：增强边缘。</translation>
    </message>
    <message>
        <source>A 2×2 input (0.25, 0.5 / 0.75, 1) becomes 4×4: a transposed conv with stride 2 lets every input pixel stamp the 2×2 kernel [1 2 / 3 4], scaled by its value, two pixels apart. The top-left pixel 0.25 writes 0.25, 0.5 / 0.75, 1; the bottom-right 1 writes the kernel itself. Output size (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4. The pinned unit (row 1, col 2) is reached by one input pixel only: 0.5 (row 0, col 1) × tap 3 = 1.5. The Sliding window tab draws the same as zeros inserted between the pixels, padded by d(k − 1) − p = 1, then a stride-1 convolution with the kernel turned 180°.</source>
        <translation>2×2 的输入（0.25, 0.5 / 0.75, 1）变成 4×4：步长为 2 的转置卷积让每个输入像素把 2×2 卷积核 [1 2 / 3 4] 乘以自己的值后“盖印”到输出上，相邻印记相隔两个像素。左上角的像素 0.25 写下 0.25, 0.5 / 0.75, 1；右下角的 1 写下卷积核本身。输出尺寸 (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4。被固定的单元（第 1 行，第 2 列）只被一个输入像素到达：0.5（第 0 行，第 1 列）× 抽头 3 = 1.5。“滑动窗口”标签页把同一件事画成：在像素之间插入零，填充 d(k − 1) − p = 1，再用旋转 180° 的卷积核做步长为 1 的卷积。</translation>
    </message>
    <message>
        <source>A bent X: its lower ╲ stroke slips one pixel right and the ╱ stroke starts a row low, so comparing whole images pixel by pixel fails. The small features still find their strokes (the pinned ╲ unit on the slipped half scores 1.00) and after pooling the maps still look like the clean X&apos;s. Layer 1 (conv 1×1: 2·pixel − 1) turns the canvas&apos;s black 0 / white 1 into the tutorial&apos;s −1 / +1; layer 2 holds the three ±1/9 templates (╲ ╱ ╳), so each value is the mean of the nine products: 1.00 where the template matches perfectly, −1 for its exact opposite. ReLU drops the negative matches and a 2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best match of each patch.</source>
        <translation>一个歪斜的 X：下半段 ╲ 笔画向右错开一个像素，╱ 笔画低一行才开始，所以把整幅图像逐像素比较会失败。小特征仍能找到各自的笔画（错开那一半上被固定的 ╲ 单元得 1.00），池化之后的特征图仍然像标准 X 的。第 1 层（1×1 卷积：2·像素 − 1）把画布上的黑 0 / 白 1 变成教程里的 −1 / +1；第 2 层是三个 ±1/9 模板（╲ ╱ ╳），所以每个值都是九个乘积的平均：模板完全吻合处为 1.00，完全相反处为 −1。ReLU 去掉负的匹配，2×2 最大池化（向上取整：7×7 → 4×4）保留每一小块中最好的匹配。</translation>
    </message>
    <message>
        <source>A border added around the input before sliding, so the window can also sit on the edges. 0 = none, same = keep the size (stride 1), full = every overlap.</source>
        <translation>滑动前在输入四周填充的边框，使窗口也能停在边缘上。0 = 不填充，same = 保持尺寸（步长 1），full = 所有重叠位置。</translation>
    </message>
    <message>
        <source>Add a learned constant to each output, shifting it up or down.</source>
        <translation>给每个输出加上一个学到的常数，使它整体上移或下移。</translation>
    </message>
    <message>
        <source>Added to the variance so a channel that never varies is not divided by zero.</source>
        <translation>加到方差上，使从不变化的通道不会除以零。</translation>
    </message>
    <message>
        <source>After the 2×2 max pool the maps look like the clean X&apos;s, although the two images differ pixel by pixel.</source>
        <translation>经过 2×2 最大池化后，这些特征图看起来和干净的 X 的一样，尽管两张图像逐像素来看并不相同。</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均时计入填充</translation>
    </message>
    <message>
        <source>Average pool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Box blur 3×3</source>
        <translation>3×3 均值模糊</translation>
    </message>
    <message>
        <source>Box blur 5×5</source>
        <translation>5×5 均值模糊</translation>
    </message>
    <message>
        <source>Bright middle column between dark columns: a vertical line one pixel thick.</source>
        <translation>暗列之间夹着亮的中间列：一条一像素宽的竖线。</translation>
    </message>
    <message>
        <source>Bright middle row between dark rows: a horizontal line one pixel thick.</source>
        <translation>暗行之间夹着亮的中间行：一条一像素宽的横线。</translation>
    </message>
    <message>
        <source>Brightness rising from left to right (vertical edges).</source>
        <translation>亮度从左到右升高（竖直边缘）。</translation>
    </message>
    <message>
        <source>Brightness rising from top to bottom (horizontal edges).</source>
        <translation>亮度从上到下升高（水平边缘）。</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <source>Centre versus its four neighbours: edges in any direction.</source>
        <translation>中心与四个邻居相比：任意方向的边缘。</translation>
    </message>
    <message>
        <source>Conv (grouped too), ConvTranspose, BatchNormalization, MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, ReduceMean and ReduceMax over height and width, Relu, LeakyRelu, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Reshape to (N, −1), Gemm, MatMul + Add, Pad, Dropout, Identity, Constant</source>
        <translation>Conv（含分组）、ConvTranspose、BatchNormalization、MaxPool、AveragePool、GlobalAveragePool、GlobalMaxPool、在高和宽上的 ReduceMean 与 ReduceMax、Relu、LeakyRelu、Sigmoid、Tanh、Softmax、LogSoftmax、Flatten、变形为 (N, −1) 的 Reshape、Gemm、MatMul + Add、Pad、Dropout、Identity、Constant</translation>
    </message>
    <message>
        <source>Convolution</source>
        <extracomment>the layer kinds&apos; titles and summaries, and their settings&apos; labels and tooltips (the metadata the layer form is built from)</extracomment>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Copies the input: 1 in the centre, 0 elsewhere.</source>
        <translation>原样复制输入：中心为 1，其余为 0。</translation>
    </message>
    <message>
        <source>Count the padding zeros when averaging (edges get darker) or divide only by the real pixels in the window.</source>
        <translation>求平均时把填充的零也算进去（边缘会变暗），或者只除以窗口中真实像素的个数。</translation>
    </message>
    <message>
        <source>Curve detector 7×7</source>
        <translation>7×7 曲线检测器</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Depthwise separable convolution</source>
        <translation>深度可分离卷积</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活（Dropout）</translation>
    </message>
    <message>
        <source>Each input pixel stamps the 2×2 kernel, scaled by its value, two pixels apart: the 4×4 output is four stamps side by side.</source>
        <translation>每个输入像素把按自己的值缩放的 2×2 卷积核盖印到输出上，相隔两个像素：4×4 的输出就是并排的四个印记。</translation>
    </message>
    <message>
        <source>Each input unit stamps the kernel, scaled by its value, onto the output, stride pixels apart: learned upsampling.</source>
        <translation>每个输入单元把按自己的值缩放的卷积核“盖印”到输出上，相邻印记相隔一个步长：学出来的上采样。</translation>
    </message>
    <message>
        <source>Each output is the mean of the 3×3 window under it: the pinned unit reads 3.</source>
        <translation>每个输出都是它下方 3×3 窗口的平均值：被固定的单元读数为 3。</translation>
    </message>
    <message>
        <source>Edges: Sobel on a digit</source>
        <translation>边缘：数字上的 Sobel</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon（ε）</translation>
    </message>
    <message>
        <source>Every output is a weighted sum of all inputs (fully connected).</source>
        <translation>每个输出都是全部输入的加权和（全连接）。</translation>
    </message>
    <message>
        <source>Extra rows / columns at the bottom and right, smaller than the stride or the dilation.</source>
        <translation>在底部和右侧额外增加的行 / 列，须小于步长或膨胀。</translation>
    </message>
    <message>
        <source>Filters (depth)</source>
        <translation>滤波器数（深度）</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Gaps between the kernel&apos;s taps. Dilation 2 spreads a 3×3 kernel over a 5×5 area: it sees further without more weights.</source>
        <translation>卷积核各抽头之间的间隔。膨胀为 2 时，3×3 的卷积核铺开到 5×5 的区域：不增加权重就能看得更远。</translation>
    </message>
    <message>
        <source>Gaussian blur 5×5</source>
        <translation>5×5 高斯模糊</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer with feature maps (a conv, pooling or activation layer before the flatten)</source>
        <translation>Grad-CAM 需要一个有特征图的层（展平之前的卷积层、池化层或激活层）</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Horizontal line</source>
        <translation>横线</translation>
    </message>
    <message>
        <source>Hover a unit of each layer: its window on the canvas grows from 3×3 to 5×5 to 7×7.</source>
        <translation>把鼠标依次停在每一层的一个单元上：它在画布上的窗口从 3×3 长到 5×5 再到 7×7。</translation>
    </message>
    <message>
        <source>How big would the window be after a fourth 3×3 conv? Add one and check the Receptive fields tab.</source>
        <translation>再加第四个 3×3 卷积后窗口会有多大？加一个，再看“感受野”标签页。</translation>
    </message>
    <message>
        <source>How far each training batch moves the running mean and variance: running ← (1 − momentum)·running + momentum·batch.</source>
        <translation>每个训练批次把滑动均值和方差移动多少：滑动值 ← (1 − 动量)·滑动值 + 动量·批次值。</translation>
    </message>
    <message>
        <source>How many filters this layer has. Each filter makes one output map, so this is the depth (number of channels) of the output.</source>
        <translation>这一层有多少个滤波器。每个滤波器生成一张输出特征图，所以这就是输出的深度（通道数）。</translation>
    </message>
    <message>
        <source>How many numbers this layer outputs; each is a weighted sum of all inputs. The last dense layer needs one output per class (10 digits).</source>
        <translation>这一层输出多少个数；每个都是全部输入的加权和。最后一个全连接层需要每个类别一个输出（10 个数字）。</translation>
    </message>
    <message>
        <source>How many output pixels apart neighbouring input units stamp the kernel: 2 doubles the size.</source>
        <translation>相邻输入单元的卷积核印记在输出中相隔多少像素：步长为 2 使尺寸加倍。</translation>
    </message>
    <message>
        <source>How many pixels the window jumps between positions. Stride 2 roughly halves the output&apos;s width and height.</source>
        <translation>窗口在相邻位置之间跳过多少像素。步长为 2 时，输出的宽和高大约减半。</translation>
    </message>
    <message>
        <source>How many weights would layer 2 hold with groups = 1 (every filter seeing all four maps)? Set it and compare the counts.</source>
        <translation>如果分组数 = 1（每个滤波器都看全部四张特征图），第 2 层会有多少个权重？设置一下，比较这两个数。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>In the Unit inspector, the pinned unit&apos;s nine products add up to −8.</source>
        <translation>在单元检查器中，被固定单元的九个乘积加起来是 −8。</translation>
    </message>
    <message>
        <source>Keeps positive values and sets negative ones to 0.</source>
        <translation>保留正值，把负值置为 0。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window: smaller maps that remember whether a feature was there, not exactly where.</source>
        <translation>保留每个窗口中的最大值：特征图变小，记住的是某个特征是否出现过，而不是它的确切位置。</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Laplacian</source>
        <translation>拉普拉斯</translation>
    </message>
    <message>
        <source>Layer 1 makes four maps (Sobel x, Sobel y, blur, ╳). A full 3×3 conv from 4 to 8 maps would hold 8·4·3·3 = 288 weights and do 288·28·28 = 225,792 multiply-adds. Here layer 2 filters each map on its own (groups = 4: 4·3·3 = 36 weights, 28,224 multiply-adds) and layer 3, a 1×1 conv, mixes the four into eight (8·4 = 32 weights, 25,088 multiply-adds): the same 8×28×28 output shape from 68 weights and 53,312 multiply-adds, about a quarter. The Layers table lists both counts per layer.</source>
        <translation>第 1 层生成四张特征图（Sobel x、Sobel y、模糊、╳）。从 4 张到 8 张特征图的完整 3×3 卷积需要 8·4·3·3 = 288 个权重、做 288·28·28 = 225,792 次乘加。这里第 2 层用各自的滤波器单独处理每张特征图（分组数 = 4：4·3·3 = 36 个权重，28,224 次乘加），第 3 层是 1×1 卷积，把四张混合成八张（8·4 = 32 个权重，25,088 次乘加）：用 68 个权重和 53,312 次乘加得到同样 8×28×28 的输出，约为四分之一。“层”表格逐层列出这两个数。</translation>
    </message>
    <message>
        <source>Layer 1&apos;s map is 14×14 because its window jumps two pixels; the pinned unit of layer 2 samples the dotted pixels of an 11×11 patch.</source>
        <translation>第 1 层的特征图是 14×14，因为它的窗口每次跳两个像素；第 2 层被固定的单元对一个 11×11 区域中打点的像素取样。</translation>
    </message>
    <message>
        <source>Layer 1: a 3×3 mean with stride 2 and padding 1 (28 → 14: the window jumps two pixels, the zero border keeps the edges). Layer 2: the same mean dilated by 2 (its taps one pixel apart, padding 2 keeps 14×14): the pinned unit samples a sparse 11×11 patch of the drawing. Step through both in the Sliding window tab.</source>
        <translation>第 1 层：步长 2、填充 1 的 3×3 均值（28 → 14：窗口每次跳两个像素，零填充的边框保住了边缘）。第 2 层：同样的均值，膨胀为 2（抽头相隔一个像素，填充 2 保持 14×14）：被固定的单元在画上稀疏地采样一块 11×11 的区域。可在“滑动窗口”标签页中逐步查看两层。</translation>
    </message>
    <message>
        <source>Layer 2 filters each of the four maps on its own, and layer 3 mixes them into eight: each row&apos;s tooltip in the Layers list counts its weights.</source>
        <translation>第 2 层用各自的滤波器单独处理四张特征图，第 3 层把它们混合成八张：“层”列表中每一行的提示都列出了它的权重个数。</translation>
    </message>
    <message>
        <source>Layer 2 has one map per template: each lights up where its stroke lies in the X, and the pinned ╲ unit reads 1.00, a perfect match.</source>
        <translation>第 2 层每个模板一张特征图：每张图在它的笔画位于 X 中的地方发亮，被固定的 ╲ 单元读数为 1.00，完全匹配。</translation>
    </message>
    <message>
        <source>Lays the channels × height × width maps out as one long list of numbers.</source>
        <translation>把“通道 × 高 × 宽”的特征图摊开成一长串数。</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Like ReLU, but negative values are multiplied by a small slope instead of 0.</source>
        <translation>类似 ReLU，但负值乘以一个小斜率，而不是变成 0。</translation>
    </message>
    <message>
        <source>Like Sobel x with equal weights in every row.</source>
        <translation>类似 Sobel x，但每行权重相同。</translation>
    </message>
    <message>
        <source>Like Sobel y with equal weights in every column.</source>
        <translation>类似 Sobel y，但每列权重相同。</translation>
    </message>
    <message>
        <source>Max pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>Mean of the 3×3 neighbourhood (every weight 1/9).</source>
        <translation>3×3 邻域的平均（每个权重为 1/9）。</translation>
    </message>
    <message>
        <source>Mean of the 5×5 neighbourhood (every weight 1/25).</source>
        <translation>5×5 邻域的平均（每个权重为 1/25）。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <source>Open the clean X (File ▸ Examples) and compare the pool maps: which units changed?</source>
        <translation>打开干净的 X（文件 ▸ 示例课程），比较池化后的特征图：哪些单元变了？</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Outputs (units)</source>
        <translation>输出数（单元）</translation>
    </message>
    <message>
        <source>Pad with</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Press Flip 180° in the kernel editor: which edges light up now, and why?</source>
        <translation>在卷积核编辑器中按“翻转 180°”：现在哪些边缘亮了？为什么？</translation>
    </message>
    <message>
        <source>Prewitt x</source>
        <translation>Prewitt x</translation>
    </message>
    <message>
        <source>Prewitt y</source>
        <translation>Prewitt y</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>PyTorch pools pad both sides alike; uneven padding works there only without ceil_mode and, for averages, counting the padding</source>
        <translation>PyTorch 的池化层两侧填充相同；不对称的填充只有在不用 ceil_mode、且（对平均池化）把填充计入平均时才可行</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Real convolution turns the kernel 180° before sliding it. Deep-learning libraries skip the turn (cross-correlation); a learned kernel does not care.</source>
        <translation>真正的卷积在滑动前先把卷积核旋转 180°。深度学习库省掉了这一步（互相关）；学出来的卷积核并不在乎。</translation>
    </message>
    <message>
        <source>Receptive field grows: three 3×3 convs</source>
        <translation>感受野逐层增大：三个 3×3 卷积</translation>
    </message>
    <message>
        <source>Replaces each window by its mean: a smaller, blurred map.</source>
        <translation>把每个窗口替换成它的平均值：得到更小、更模糊的特征图。</translation>
    </message>
    <message>
        <source>Rows and columns cropped from every side of the stamped output.</source>
        <translation>从盖印得到的输出的每一边裁掉的行和列数。</translation>
    </message>
    <message>
        <source>Set layer 1&apos;s stride to 1: what happens to its map size, and to layer 2&apos;s window?</source>
        <translation>把第 1 层的步长设为 1：它的特征图尺寸会怎样？第 2 层的窗口又会怎样？</translation>
    </message>
    <message>
        <source>Set the kernel&apos;s centre to 1 and every other weight to 0: what does the map become?</source>
        <translation>把卷积核的中心设为 1，其余权重都设为 0：特征图会变成什么？</translation>
    </message>
    <message>
        <source>Set the stride to 1: the stamps now overlap. How big is the output, and which units add up more than one stamp?</source>
        <translation>把步长设为 1：印记现在会重叠。输出有多大？哪些单元叠加了不止一个印记？</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Shifts and scales each channel to mean 0 and variance 1 (the running statistics), then by a learned γ and β.</source>
        <translation>把每个通道平移、缩放到均值 0、方差 1（用滑动统计量），再乘以学到的 γ 并加上 β。</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Slides each filter over the input and writes one weighted sum per position: one output map per filter.</source>
        <translation>让每个滤波器在输入上滑动，在每个位置写下一个加权和：每个滤波器一张输出特征图。</translation>
    </message>
    <message>
        <source>Smoothing with a 3×3 mean</source>
        <translation>用 3×3 均值做平滑</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Sobel x lights the left edges of the strokes, Sobel y their top edges; after ReLU the opposite edges are dark.</source>
        <translation>Sobel x 点亮笔画的左边缘，Sobel y 点亮上边缘；经过 ReLU 后，相反的边缘是暗的。</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Split the channels into groups; each filter sees only its group&apos;s channels. Groups = input channels: a depthwise convolution, one filter per channel.</source>
        <translation>把通道分成若干组；每个滤波器只看到本组的通道。分组数 = 输入通道数时就是深度卷积：每个通道一个滤波器。</translation>
    </message>
    <message>
        <source>Squashes every value into 0…1.</source>
        <translation>把每个值压缩到 0…1。</translation>
    </message>
    <message>
        <source>Squashes every value into −1…1.</source>
        <translation>把每个值压缩到 −1…1。</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Stride, padding, dilation</source>
        <translation>步长、填充、膨胀</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Template matching: O</source>
        <translation>模板匹配：O</translation>
    </message>
    <message>
        <source>Template matching: X</source>
        <extracomment>the lessons (engine.examples) and kernel presets (engine.presets): titles and descriptions (and the lessons&apos; look and question)</extracomment>
        <translation>模板匹配：X</translation>
    </message>
    <message>
        <source>Template matching: a hand-drawn X</source>
        <translation>模板匹配：手写的 X</translation>
    </message>
    <message>
        <source>The 3×3 window that gives −8</source>
        <translation>得出 −8 的 3×3 窗口</translation>
    </message>
    <message>
        <source>The chance that a value is dropped (set to 0) in each training step.</source>
        <translation>每个训练步中一个值被丢弃（置为 0）的概率。</translation>
    </message>
    <message>
        <source>The same network on an O. Its rounded corners are short diagonals, so ╲ and ╱ still find 1.00s there; but ╳ needs two strokes crossing and never passes 0.56: the pinned centre unit scores −0.11 here and 1.00 on the X. Layer 1 (conv 1×1: 2·pixel − 1) turns the canvas&apos;s black 0 / white 1 into the tutorial&apos;s −1 / +1; layer 2 holds the three ±1/9 templates (╲ ╱ ╳), so each value is the mean of the nine products: 1.00 where the template matches perfectly, −1 for its exact opposite. ReLU drops the negative matches and a 2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best match of each patch.</source>
        <translation>同一个网络看一个 O。O 的圆角是短的斜线，所以 ╲ 和 ╱ 在那里仍能得到 1.00；但 ╳ 需要两笔交叉，最高不超过 0.56：被固定的中心单元在这里得 −0.11，在 X 上得 1.00。第 1 层（1×1 卷积：2·像素 − 1）把画布上的黑 0 / 白 1 变成教程里的 −1 / +1；第 2 层是三个 ±1/9 模板（╲ ╱ ╳），所以每个值都是九个乘积的平均：模板完全吻合处为 1.00，完全相反处为 −1。ReLU 去掉负的匹配，2×2 最大池化（向上取整：7×7 → 4×4）保留每一小块中最好的匹配。</translation>
    </message>
    <message>
        <source>The tutorial&apos;s 7×7 matrix (values 0…11, drawn as value/11; layer 1, conv 1×1 with weight 11, gives them back) under the 1/9 kernel: each output is the mean of a 3×3 window. The pinned unit is the tutorial&apos;s: the window around the 7 averages to 3.</source>
        <translation>教程中的 7×7 矩阵（取值 0…11，按“值/11”画出；第 1 层是权重为 11 的 1×1 卷积，把它们还原）经过 1/9 卷积核：每个输出都是一个 3×3 窗口的平均。被固定的单元就是教程里的那个：7 周围的窗口平均为 3。</translation>
    </message>
    <message>
        <source>The tutorial&apos;s 9×9 X and its three 3×3 features. The ╲ map reads 1.00 all along the ╲ stroke (the pinned unit), 7/9 ≈ 0.78 in the corners where one pixel of nine disagrees (the tutorial cuts it to 0.77, 5/9 to 0.55), −0.11 where five disagree. Layer 1 (conv 1×1: 2·pixel − 1) turns the canvas&apos;s black 0 / white 1 into the tutorial&apos;s −1 / +1; layer 2 holds the three ±1/9 templates (╲ ╱ ╳), so each value is the mean of the nine products: 1.00 where the template matches perfectly, −1 for its exact opposite. ReLU drops the negative matches and a 2×2 max pool (ceil mode: 7×7 → 4×4) keeps the best match of each patch.</source>
        <translation>教程中 9×9 的 X 和它的三个 3×3 特征。╲ 特征图沿整条 ╲ 笔画都是 1.00（被固定的单元），在九个像素中有一个不符的角上是 7/9 ≈ 0.78（教程截成 0.77，5/9 截成 0.55），有五个不符处是 −0.11。第 1 层（1×1 卷积：2·像素 − 1）把画布上的黑 0 / 白 1 变成教程里的 −1 / +1；第 2 层是三个 ±1/9 模板（╲ ╱ ╳），所以每个值都是九个乘积的平均：模板完全吻合处为 1.00，完全相反处为 −1。ReLU 去掉负的匹配，2×2 最大池化（向上取整：7×7 → 4×4）保留每一小块中最好的匹配。</translation>
    </message>
    <message>
        <source>The worked example 4·0 + 0·0 + 0·0 + 0·0 + 0·1 + 0·1 + 0·0 + 0·1 + (−4)·2 = −8 on a bright corner. The tutorial&apos;s pixels 0, 1, 2 are drawn as 0, ½, 1; layer 1 (conv 1×1, weight 2) gives them back, and layer 2 holds its kernel exactly. The kernel compares each pixel with the one two steps down-right: flat areas give 0, the corner&apos;s edge strongly negative.</source>
        <translation>教程的算例 4·0 + 0·0 + 0·0 + 0·0 + 0·1 + 0·1 + 0·0 + 0·1 + (−4)·2 = −8，落在一个亮角上。教程的像素 0、1、2 画成 0、½、1；第 1 层（1×1 卷积，权重 2）把它们还原，第 2 层原样保存教程的卷积核。这个卷积核把每个像素与右下方两步处的像素相比：平坦区域得 0，角的边缘得很大的负值。</translation>
    </message>
    <message>
        <source>The ╲ and ╱ maps still find the short diagonals in the O&apos;s corners, but the ╳ map stays low everywhere.</source>
        <translation>╲ 和 ╱ 特征图仍能在 O 的四角找到短斜线，但 ╳ 特征图处处都很低。</translation>
    </message>
    <message>
        <source>Three 3×3 box blurs in a row: the pinned centre unit of the third sees a 3×3 window of the second, 5×5 of the first and 7×7 of the drawing (r = 1 + 3·(3 − 1)). Each blur spreads the digit a little more.</source>
        <translation>连续三个 3×3 均值模糊：第三层被固定的中心单元看到第二层的 3×3 窗口、第一层的 5×5、画上的 7×7（r = 1 + 3·(3 − 1)）。每模糊一次，数字就更散开一点。</translation>
    </message>
    <message>
        <source>Transposed convolution</source>
        <translation>转置卷积</translation>
    </message>
    <message>
        <source>Turns scores into probabilities that add up to 1.</source>
        <translation>把得分变成加起来为 1 的概率。</translation>
    </message>
    <message>
        <source>Two filters: Sobel x answers where brightness rises to the right (the left edges of the strokes), Sobel y where it rises downwards (their top edges); ReLU keeps only those, so the opposite edges go dark. The brightest edge is pinned.</source>
        <translation>两个滤波器：Sobel x 在亮度向右升高处响应（笔画的左边缘），Sobel y 在亮度向下升高处响应（笔画的上边缘）；ReLU 只保留这些，所以相反的边缘变暗。最亮的边缘单元已被固定。</translation>
    </message>
    <message>
        <source>Type 0 in the kernel&apos;s −4 cell: what does the unit read now, and what does the map show?</source>
        <translation>在卷积核的 −4 格子里输入 0：这个单元现在读数是多少？特征图显示什么？</translation>
    </message>
    <message>
        <source>Upsampling with a transposed convolution</source>
        <translation>用转置卷积做上采样</translation>
    </message>
    <message>
        <source>Vertical line</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Weighted mean, heavier in the centre: the integer Gaussian matrix divided by 273.</source>
        <translation>加权平均，中心权重更大：整数高斯矩阵除以 273。</translation>
    </message>
    <message>
        <source>What negative values are multiplied by (0 would be a plain ReLU).</source>
        <translation>负值要乘的系数（为 0 时就是普通的 ReLU）。</translation>
    </message>
    <message>
        <source>What the border is filled with: zeros, a mirror image of the edge (reflect), copies of the edge pixels (replicate) or the opposite edge (circular).</source>
        <translation>边框用什么填充：零、边缘的镜像（reflect）、边缘像素的复制（replicate），或对边（circular）。</translation>
    </message>
    <message>
        <source>When the windows do not fit exactly, round the output size up, keeping a last partial window instead of dropping it.</source>
        <translation>窗口不能正好铺满时，把输出尺寸向上取整，保留最后一个不完整的窗口而不是丢掉它。</translation>
    </message>
    <message>
        <source>Where would you add pixels to make a ╳ unit reach 1.00? Draw them and check.</source>
        <translation>要让某个 ╳ 单元达到 1.00，你会在哪里加像素？画上去验证一下。</translation>
    </message>
    <message>
        <source>Which ╳ unit is brightest, and why only there? Erase one pixel of the X: which numbers drop, and by how much?</source>
        <translation>哪个 ╳ 单元最亮？为什么只有那里？擦掉 X 的一个像素：哪些数会下降，降多少？</translation>
    </message>
    <message>
        <source>While training, drops random values (sets them to 0) so no unit can rely on one input; passes everything through otherwise.</source>
        <translation>训练时随机丢弃一些值（置为 0），使任何单元都不能只依赖某一个输入；其他时候原样通过。</translation>
    </message>
    <message>
        <source>Width and height of the window that slides over the input. A bigger window sees more at once but has more weights.</source>
        <translation>在输入上滑动的窗口的宽和高。窗口越大，一次看到的越多，但权重也越多。</translation>
    </message>
    <message>
        <source>Window size</source>
        <translation>窗口大小</translation>
    </message>
    <message>
        <source>X template ╱</source>
        <translation>X 模板 ╱</translation>
    </message>
    <message>
        <source>X template ╲</source>
        <translation>X 模板 ╲</translation>
    </message>
    <message>
        <source>X template ╳</source>
        <translation>X 模板 ╳</translation>
    </message>
    <message>
        <source>a %1 layer has no setting %2</source>
        <translation>%1层没有设置项%2</translation>
    </message>
    <message>
        <source>a %1 layer has no setting %2 (did you mean %3?)</source>
        <translation>%1层没有设置项%2（是不是指%3？）</translation>
    </message>
    <message>
        <source>a %1 layer has no setting %2 (did you mean %3?); its settings are %4</source>
        <translation>%1层没有设置项%2（是不是指%3？）；它的设置项有%4</translation>
    </message>
    <message>
        <source>a %1 layer has no setting %2; its settings are %3</source>
        <translation>%1层没有设置项%2；它的设置项有%3</translation>
    </message>
    <message>
        <source>a %1 layer needs %2</source>
        <translation>%1层需要%2</translation>
    </message>
    <message>
        <source>a .json file holds only the layer spec, not the weights; save the network as .npz to keep them</source>
        <translation>.json 文件只保存层的描述，不保存权重；要保留权重，请把网络保存为 .npz</translation>
    </message>
    <message>
        <source>a layer must be written as an object like {&quot;type&quot;: &quot;relu&quot;}, not %1</source>
        <translation>一层必须写成对象，例如 {&quot;type&quot;: &quot;relu&quot;}，而不是%1</translation>
    </message>
    <message>
        <source>a normalisation is {&quot;mean&quot;: [...], &quot;std&quot;: [...], &quot;invert&quot;: false}, not %1</source>
        <translation>归一化的写法是 {&quot;mean&quot;: [...], &quot;std&quot;: [...], &quot;invert&quot;: false}，而不是%1</translation>
    </message>
    <message>
        <source>addend</source>
        <translation>加数</translation>
    </message>
    <message>
        <source>adds a bias of shape %1 to %2 outputs</source>
        <translation>给%2个输出加上形状为%1的偏置</translation>
    </message>
    <message>
        <source>adds a constant that is not the bias of a MatMul right before it; ConvScope reads Add only as MatMul + Add (a dense layer)</source>
        <translation>加上的常量不是紧挨在前的 MatMul 的偏置；ConvScope 只把 Add 读作 MatMul + Add（一个全连接层）</translation>
    </message>
    <message>
        <source>also outputs the winners&apos; indices, which ConvScope does not keep</source>
        <translation>还输出了最大值的索引，ConvScope 不保留它们</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>attribution needs a network that ends in softmax over a flat vector (… → dense → softmax): it asks which pixels raised one class&apos;s probability</source>
        <extracomment>what the engine raises, as templates (tests/gui/i18n/engine_templates.py finds them)</extracomment>
        <translation>归因需要以一维向量上的 softmax 结尾的网络（… → 全连接 → softmax）：它要问的是哪些像素提高了某个类别的概率</translation>
    </message>
    <message>
        <source>averages after a %1 Pad; ConvScope folds only zero padding into pooling</source>
        <translation>在%1模式的 Pad 之后求平均；ConvScope 只把零填充合并到池化中</translation>
    </message>
    <message>
        <source>averages after a zero Pad with padding of its own that does not count; ConvScope has one rule per layer</source>
        <translation>在补零的 Pad 之后求平均，而它自己的填充不计入平均；ConvScope 每层只有一条规则</translation>
    </message>
    <message>
        <source>avg pool %1</source>
        <translation>平均池化%1</translation>
    </message>
    <message>
        <source>axes</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>batch norm needs more than one value per channel while training (a batch of one 1×1 map has no spread to normalize)</source>
        <translation>训练时批归一化要求每个通道不止一个值（一批只有一张 1×1 特征图，就没有可归一化的离散程度）</translation>
    </message>
    <message>
        <source>batch norm outside training needs the running mean and variance</source>
        <translation>非训练时的批归一化需要滑动均值和方差</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>cannot %1-pad an empty %2×%3 input</source>
        <translation>无法对空的%2×%3输入做%1填充</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开%1：%2</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取%1：%2</translation>
    </message>
    <message>
        <source>cannot work here: %1</source>
        <translation>在这里无法工作：%1</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>circular</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>class %1 does not exist: the network has %2 classes</source>
        <translation>类别%1不存在：网络只有%2个类别</translation>
    </message>
    <message>
        <source>combines the image with another computed tensor: the graph branches (a residual Add, a Concat, or two inputs), and ConvScope shows chains of layers only</source>
        <translation>把图像与另一个计算出的张量组合：计算图在此分支（残差 Add、Concat 或两个输入），而 ConvScope 只显示由层串成的链</translation>
    </message>
    <message>
        <source>computes its %1 instead of storing it; ConvScope needs stored weights (initializers or Constant nodes)</source>
        <translation>计算出它的%1，而不是存储它；ConvScope 需要存储好的权重（初始化器或 Constant 节点）</translation>
    </message>
    <message>
        <source>computes training statistics; ConvScope reads batch norm for inference (export the model in eval mode)</source>
        <translation>计算训练统计量；ConvScope 只按推理读取批归一化（请在评估模式下导出模型）</translation>
    </message>
    <message>
        <source>conv %1</source>
        <extracomment>layer descriptions (``Layer.describe()``): the kind&apos;s words, then the notation; the names of the padding modes</extracomment>
        <translation>卷积%1</translation>
    </message>
    <message>
        <source>conv %1 flipped</source>
        <translation>卷积%1已翻转</translation>
    </message>
    <message>
        <source>could not be computed from its constants (%1)</source>
        <translation>无法由它的常量计算出来（%1）</translation>
    </message>
    <message>
        <source>crops unevenly (pads %1); ConvScope&apos;s transposed conv crops both sides alike</source>
        <translation>两侧裁剪不均（pads %1）；ConvScope 的转置卷积两侧裁剪相同</translation>
    </message>
    <message>
        <source>dense %1</source>
        <translation>全连接%1</translation>
    </message>
    <message>
        <source>dilated </source>
        <translation>膨胀后的</translation>
    </message>
    <message>
        <source>dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>随机失活%1</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>evaluating needs a network that ends in softmax over a flat vector (… → dense → softmax): its answers are those probabilities</source>
        <translation>评估需要以一维向量上的 softmax 结尾的网络（… → 全连接 → softmax）：它的回答就是这些概率</translation>
    </message>
    <message>
        <source>explain looks at one image, not a batch</source>
        <translation>解释只针对一幅图像，而不是一批</translation>
    </message>
    <message>
        <source>fill value</source>
        <translation>填充值</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>fixes its output shape; ConvScope reads pads and output_padding</source>
        <translation>固定了输出形状；ConvScope 读取的是 pads 和 output_padding</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>flattens from axis %1; ConvScope flattens each image (axis 1)</source>
        <translation>从第%1轴开始展平；ConvScope 逐张图像展平（第 1 轴）</translation>
    </message>
    <message>
        <source>follows a Pad, which ConvScope can only fold into the padding of the convolution or pooling right after it</source>
        <translation>跟在 Pad 之后，而 ConvScope 只能把 Pad 合并到紧随其后的卷积或池化的填充中</translation>
    </message>
    <message>
        <source>follows a Pad; ConvScope&apos;s transposed conv has no input padding</source>
        <translation>跟在 Pad 之后；ConvScope 的转置卷积没有输入填充</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>组数</translation>
    </message>
    <message>
        <source>groups must be a whole number ≥ 1, not %1</source>
        <translation>分组数必须是 ≥ 1 的整数，而不是%1</translation>
    </message>
    <message>
        <source>has auto_pad %1, which ONNX does not define</source>
        <translation>的 auto_pad 为%1，ONNX 没有定义它</translation>
    </message>
    <message>
        <source>has auto_pad %1; ConvScope reads explicit pads</source>
        <translation>的 auto_pad 为%1；ConvScope 只读取显式给出的 pads</translation>
    </message>
    <message>
        <source>has dilations %1; ConvScope pools neighbouring pixels only</source>
        <translation>的 dilations（膨胀）为%1；ConvScope 只对相邻像素做池化</translation>
    </message>
    <message>
        <source>has weights of shape %1 for %2 inputs</source>
        <translation>的权重形状为%1，而输入有%2个</translation>
    </message>
    <message>
        <source>input channels</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>invert must be true or false, not %1</source>
        <translation>invert 必须是 true 或 false，而不是%1</translation>
    </message>
    <message>
        <source>is an operation ConvScope cannot show; it reads %1</source>
        <translation>是 ConvScope 无法显示的运算；它能读取的有：%1</translation>
    </message>
    <message>
        <source>is from the op set %1</source>
        <translation>来自算子集%1</translation>
    </message>
    <message>
        <source>is not a 2-D convolution; ConvScope shows 2-D images</source>
        <translation>不是二维卷积；ConvScope 只显示二维图像</translation>
    </message>
    <message>
        <source>is not a 2-D transposed convolution; ConvScope shows 2-D images</source>
        <translation>不是二维转置卷积；ConvScope 只显示二维图像</translation>
    </message>
    <message>
        <source>is not the last node; ConvScope can show log-probabilities only as the probabilities at the end</source>
        <translation>不是最后一个节点；ConvScope 只能把对数概率显示为末尾的概率</translation>
    </message>
    <message>
        <source>is not two-dimensional; ConvScope shows 2-D images</source>
        <translation>不是二维的；ConvScope 只显示二维图像</translation>
    </message>
    <message>
        <source>is one of %1 nodes reading %2: the graph branches there, and ConvScope shows chains of layers only</source>
        <translation>是读取%2的%1个节点之一：计算图在那里分支，而 ConvScope 只显示由层串成的链</translation>
    </message>
    <message>
        <source>its %1 would hold %2 numbers, more than ConvScope handles (%3)</source>
        <translation>它的%1将有%2个数，超过 ConvScope 能处理的上限（%3）</translation>
    </message>
    <message>
        <source>its input would be %1×%2 once padded; ConvScope handles up to %3×%4</source>
        <translation>它的输入填充后将为%1×%2；ConvScope 最大能处理%3×%4</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>kernel size, stride and dilation must be at least 1 and padding cannot be negative</source>
        <translation>卷积核大小、步长和膨胀至少为 1，填充不能为负</translation>
    </message>
    <message>
        <source>layer %1 (%2)</source>
        <translation>第%1层（%2）</translation>
    </message>
    <message>
        <source>layer %1 (%2) has no %3 in the file</source>
        <translation>文件中第%1层（%2）没有%3</translation>
    </message>
    <message>
        <source>layer %1 does not exist (the network has %2)</source>
        <translation>第%1层不存在（网络共有%2层）</translation>
    </message>
    <message>
        <source>layer %1 has %2 channels, not %3</source>
        <translation>第%1层有%2个通道，而不是%3个</translation>
    </message>
    <message>
        <source>layer %1 is %2, not a layer such as Conv2d(8, 3)</source>
        <translation>第%1层是%2，而不是 Conv2d(8, 3) 这样的层</translation>
    </message>
    <message>
        <source>layer %1: %2</source>
        <translation>第%1层：%2</translation>
    </message>
    <message>
        <source>leaky relu</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>max pool %1</source>
        <translation>最大池化%1</translation>
    </message>
    <message>
        <source>max-pools after a Pad (%1); ConvScope&apos;s max pooling pads with −∞ only</source>
        <translation>在 Pad（%1）之后做最大池化；ConvScope 的最大池化只用 −∞ 填充</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>momentum must be between 0 and 1, not %1</source>
        <translation>动量必须在 0 和 1 之间，而不是%1</translation>
    </message>
    <message>
        <source>multiplies a %1 image; ConvScope needs it flattened first (Flatten or Reshape to (N, −1))</source>
        <translation>乘的是一张%1的图像；ConvScope 需要先把它展平（Flatten，或 Reshape 为 (N, −1)）</translation>
    </message>
    <message>
        <source>multiplies by a %1-D tensor; ConvScope reads MatMul as a dense layer (a 2-D weight matrix)</source>
        <translation>乘以一个%1维张量；ConvScope 把 MatMul 读作全连接层（一个二维权重矩阵）</translation>
    </message>
    <message>
        <source>needs an image (channels × height × width), but here it gets a flat list of %1 numbers</source>
        <translation>需要一张图像（通道 × 高 × 宽），但这里得到的是%1个数的扁平列表</translation>
    </message>
    <message>
        <source>no preset named %1; known: %2</source>
        <translation>没有名为%1的预设；已有：%2</translation>
    </message>
    <message>
        <source>no weights</source>
        <translation>无权重</translation>
    </message>
    <message>
        <source>node %1 (%2)</source>
        <translation>节点%1（%2）</translation>
    </message>
    <message>
        <source>node %1 (%2) %3</source>
        <translation>节点%1（%2）%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>normalises over axis %1 of a rank-%2 tensor; ConvScope&apos;s softmax runs over a flat vector or over the channels</source>
        <translation>在%2阶张量的第%1轴上归一化；ConvScope 的 softmax 只作用于扁平向量或各通道</translation>
    </message>
    <message>
        <source>not a readable ConvScope .npz file; it may be truncated or of another kind (a ConvScope network is a .npz archive or a JSON spec)</source>
        <translation>不是可读的 ConvScope .npz 文件；它可能被截断，或是别的文件（ConvScope 网络是 .npz 压缩包或 JSON 描述）</translation>
    </message>
    <message>
        <source>not a readable ONNX model (%1: %2)</source>
        <translation>不是可读的 ONNX 模型（%1：%2）</translation>
    </message>
    <message>
        <source>only max pooling has winner indices</source>
        <translation>只有最大池化才有胜出位置</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>outputs its mask, which only exists while training</source>
        <translation>输出了它的掩码，而掩码只在训练时存在</translation>
    </message>
    <message>
        <source>padded input</source>
        <translation>填充后的输入</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>padding %1 is more than half the %2 window, so some windows would see only padding</source>
        <translation>填充%1超过了%2窗口的一半，有些窗口将只看到填充</translation>
    </message>
    <message>
        <source>padding and output padding cannot be negative</source>
        <translation>填充和输出填充不能为负</translation>
    </message>
    <message>
        <source>padding cannot be negative, not %1</source>
        <translation>填充不能为负，而不是%1</translation>
    </message>
    <message>
        <source>padding mode must be one of %1, not %2</source>
        <translation>填充模式必须是%1之一，而不是%2</translation>
    </message>
    <message>
        <source>padding must be ((top, bottom), (left, right)), not %1</source>
        <translation>填充必须是 ((上, 下), (左, 右))，而不是%1</translation>
    </message>
    <message>
        <source>padding must be a number, &quot;valid&quot;, &quot;same&quot; or &quot;full&quot;, not %1</source>
        <translation>填充必须是一个数、&quot;valid&quot;、&quot;same&quot; 或 &quot;full&quot;，而不是%1</translation>
    </message>
    <message>
        <source>padding must be a number, a (rows, cols) pair or ((top, bottom), (left, right)), not %1</source>
        <translation>填充必须是一个数、（行, 列）数对或 ((上, 下), (左, 右))，而不是%1</translation>
    </message>
    <message>
        <source>pads</source>
        <translation>填充量</translation>
    </message>
    <message>
        <source>pads %1; ConvScope folds non-negative padding of the height and width only</source>
        <translation>的 pads 为%1；ConvScope 只合并高和宽上的非负填充</translation>
    </message>
    <message>
        <source>pads again in another mode; ConvScope has one padding per layer</source>
        <translation>又以另一种模式填充；ConvScope 每层只有一种填充</translation>
    </message>
    <message>
        <source>pads in mode %1; ConvScope folds constant, reflect, edge and wrap padding</source>
        <translation>以%1模式填充；ConvScope 只合并 constant、reflect、edge 和 wrap 模式的填充</translation>
    </message>
    <message>
        <source>pads with the value %1; ConvScope pads with zeros</source>
        <translation>用值%1填充；ConvScope 只补零</translation>
    </message>
    <message>
        <source>pads with zeros after a %1 Pad; ConvScope has one padding mode per layer</source>
        <translation>在%1模式的 Pad 之后又用零填充；ConvScope 每层只有一种填充模式</translation>
    </message>
    <message>
        <source>patch</source>
        <translation>块</translation>
    </message>
    <message>
        <source>pool padding %1 is more than half the %2×%3 window</source>
        <translation>池化填充%1超过了%2×%3窗口的一半</translation>
    </message>
    <message>
        <source>pool size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <source>pool window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>pooling mode must be &quot;max&quot; or &quot;avg&quot;, not %1</source>
        <translation>池化方式必须是 &quot;max&quot; 或 &quot;avg&quot;，而不是%1</translation>
    </message>
    <message>
        <source>predict needs a network that ends in softmax over a flat vector (… → dense → softmax)</source>
        <translation>预测需要以一维向量上的 softmax 结尾的网络（… → 全连接 → softmax）</translation>
    </message>
    <message>
        <source>reduces over axes %1; ConvScope reads it only over the height and width, keeping them (global pooling)</source>
        <translation>在轴%1上归约；ConvScope 只把它读作在高和宽上归约并保留这两维（全局池化）</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>反射</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>replicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>reshapes to %1; ConvScope reads Reshape only as flattening each image to (N, −1)</source>
        <translation>变形为%1；ConvScope 只把 Reshape 读作把每张图像展平为 (N, −1)</translation>
    </message>
    <message>
        <source>running mean</source>
        <translation>滑动均值</translation>
    </message>
    <message>
        <source>running var</source>
        <translation>滑动方差</translation>
    </message>
    <message>
        <source>running variance</source>
        <translation>滑动方差</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>tall</source>
        <translation>高</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>target shape</source>
        <translation>目标形状</translation>
    </message>
    <message>
        <source>the %1 %2 cannot be split into %3 equal groups (groups must divide both the input channels and the %4)</source>
        <translation>%1个%2无法平均分成%3组（分组数必须同时整除输入通道数和%4数）</translation>
    </message>
    <message>
        <source>the %1 must be a whole number ≥ 1, not %2</source>
        <translation>%1必须是 ≥ 1 的整数，而不是%2</translation>
    </message>
    <message>
        <source>the %1 needs one value per channel (%2), not shape %3</source>
        <translation>%1需要每个通道一个值（%2个），而不是形状%3</translation>
    </message>
    <message>
        <source>the %1 of layer %2 (%3)</source>
        <extracomment>values the engine puts into its messages</extracomment>
        <translation>第%2层（%3）的%1</translation>
    </message>
    <message>
        <source>the batch is empty: give at least one image</source>
        <translation>这一批是空的：请至少给一张图像</translation>
    </message>
    <message>
        <source>the bias needs one value per filter (%1), not shape %2</source>
        <translation>偏置需要每个滤波器一个值（%1个），而不是形状%2</translation>
    </message>
    <message>
        <source>the dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>the dropout probability must be between 0 and 1, not %1</source>
        <translation>失活概率必须在 0 和 1 之间，而不是%1</translation>
    </message>
    <message>
        <source>the effective receptive field needs the image x it is measured on</source>
        <translation>有效感受野需要在其上测量的图像 x</translation>
    </message>
    <message>
        <source>the file has arrays that belong to no layer: %1</source>
        <translation>文件中有不属于任何层的数组：%1</translation>
    </message>
    <message>
        <source>the file is %1 MB; ConvScope opens ONNX models up to %2 MB (small CNNs are a few MB at most)</source>
        <translation>文件有%1 MB；ConvScope 只打开不超过%2 MB 的 ONNX 模型（小型 CNN 最多几 MB）</translation>
    </message>
    <message>
        <source>the graph ends in a Pad; ConvScope folds Pad into the next layer</source>
        <translation>计算图以 Pad 结尾；ConvScope 会把 Pad 合并到下一层</translation>
    </message>
    <message>
        <source>the graph has %1 inputs (%2); ConvScope follows one image through a chain of layers</source>
        <translation>计算图有%1个输入（%2）；ConvScope 只跟随一张图像穿过一串层</translation>
    </message>
    <message>
        <source>the graph&apos;s output (%1) is not the end of the chain (%2); ConvScope shows one chain ending in the output</source>
        <translation>计算图的输出（%1）不是这串层的末端（%2）；ConvScope 显示以输出结尾的一串层</translation>
    </message>
    <message>
        <source>the images hold values that are not numbers (NaN or infinity): the data file is damaged or not images; this is not about the learning rate</source>
        <translation>图像中含有非数值（NaN 或无穷大）：数据文件已损坏或不是图像；这与学习率无关</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>the input %1 has shape %2; ConvScope needs images as (batch, channels, height, width) with a fixed channel count</source>
        <translation>输入%1的形状是%2；ConvScope 需要（批, 通道, 高, 宽）形式、通道数固定的图像</translation>
    </message>
    <message>
        <source>the input %1 holds %2 values; ConvScope feeds images as floating-point numbers</source>
        <translation>输入%1含有%2类型的值；ConvScope 以浮点数输入图像</translation>
    </message>
    <message>
        <source>the input has %1 channels but the kernel expects %2</source>
        <translation>输入有%1个通道，但卷积核需要%2个</translation>
    </message>
    <message>
        <source>the input has %1 channels but the kernel expects %2 (%3 groups of %4)</source>
        <translation>输入有%1个通道，但卷积核需要%2个（%3组，每组%4个）</translation>
    </message>
    <message>
        <source>the input is %1 long after padding, shorter than the kernel (%2)</source>
        <translation>填充后输入长为%1，比卷积核（%2）短</translation>
    </message>
    <message>
        <source>the input is %1×%2 after padding, smaller than the %3 (%4×%5)</source>
        <translation>填充后输入为%1×%2，小于%3（%4×%5）</translation>
    </message>
    <message>
        <source>the input is %1×%2 after padding, smaller than the %3×%4 pool window</source>
        <translation>填充后输入为%1×%2，小于%3×%4的池化窗口</translation>
    </message>
    <message>
        <source>the input is %1×%2%3, smaller than the %4%5 (%6×%7)</source>
        <translation>输入%3为%1×%2，小于%4%5（%6×%7）</translation>
    </message>
    <message>
        <source>the input is %1×%2, smaller than the %3 (%4×%5)</source>
        <translation>输入为%1×%2，小于%3（%4×%5）</translation>
    </message>
    <message>
        <source>the input is %1×%2; ConvScope handles inputs up to %3×%4</source>
        <translation>输入为%1×%2；ConvScope 能处理的输入最大为%3×%4</translation>
    </message>
    <message>
        <source>the input is a flat list of %1 numbers, not an image; %2 needs channels × height × width (put it before flatten/dense)</source>
        <translation>输入是%1个数组成的一维列表，而不是图像；%2需要“通道 × 高 × 宽”的输入（把它放在展平/全连接层之前）</translation>
    </message>
    <message>
        <source>the input is a flat list of %1 numbers, not an image; a transposed conv needs channels × height × width</source>
        <translation>输入是%1个数组成的一维列表，而不是图像；转置卷积需要“通道 × 高 × 宽”的输入</translation>
    </message>
    <message>
        <source>the input is a flat list of %1 numbers; batch norm 2d normalizes the channels of maps (put it before flatten/dense)</source>
        <translation>输入是%1个数组成的一维列表；二维批归一化是对特征图的通道做归一化（把它放在展平/全连接层之前）</translation>
    </message>
    <message>
        <source>the input normalisation has %1 %2 values but the input has %3 channel%4</source>
        <translation>输入归一化的%2有%1个值，但输入有%3个通道%4</translation>
    </message>
    <message>
        <source>the input normalisation has %1 %2 values but the input has %3 channels</source>
        <translation>输入归一化的%2有%1个值，但输入有%3个通道</translation>
    </message>
    <message>
        <source>the input normalisation must be a Normalization or None, not %1</source>
        <translation>输入归一化必须是 Normalization 或 None，而不是%1</translation>
    </message>
    <message>
        <source>the input size must be (channels, height, width) or (height, width) with every number a whole number at least 1, not %1</source>
        <translation>输入尺寸必须是（通道, 高, 宽）或（高, 宽），且每个数都是至少为 1 的整数，而不是%1</translation>
    </message>
    <message>
        <source>the input&apos;s size</source>
        <translation>输入的大小</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>the kernel must be (filters, channels, height, width), not shape %1</source>
        <translation>卷积核必须是（滤波器, 通道, 高, 宽），而不是形状%1</translation>
    </message>
    <message>
        <source>the kernel must be (input channels, filters, height, width), not shape %1</source>
        <translation>卷积核必须是（输入通道, 滤波器, 高, 宽），而不是形状%1</translation>
    </message>
    <message>
        <source>the kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>the labels must be whole numbers from 0 to %1 (the network has %2 outputs), but they run from %3 to %4</source>
        <translation>标签必须是 0 到%1的整数（网络有%2个输出），但实际从%3到%4</translation>
    </message>
    <message>
        <source>the labels run from %1 to %2 but the network has %3 output%4: end it with a dense layer of %5 followed by softmax</source>
        <translation>标签从%1到%2，但网络只有%3个输出%4：请让网络以%5个输出的全连接层加 softmax 结尾</translation>
    </message>
    <message>
        <source>the labels run from %1 to %2 but the network has %3 outputs: end it with a dense layer of %4 followed by softmax</source>
        <translation>标签从%1到%2，但网络只有%3个输出：请让网络以%4个输出的全连接层加 softmax 结尾</translation>
    </message>
    <message>
        <source>the learning rate must be a positive number, not %1</source>
        <translation>学习率必须是正数，而不是%1</translation>
    </message>
    <message>
        <source>the model does not fit its input: %1</source>
        <translation>模型与它的输入不相容：%1</translation>
    </message>
    <message>
        <source>the model takes %1×%2 images; ConvScope shows inputs up to %3×%4</source>
        <translation>模型接收%1×%2的图像；ConvScope 能显示的输入最大为%3×%4</translation>
    </message>
    <message>
        <source>the model uses ONNX opset %1; ConvScope reads opset %2 and newer (re-export it with a newer exporter)</source>
        <translation>模型使用 ONNX opset %1；ConvScope 读取 opset %2及更新的版本（请用更新的导出工具重新导出）</translation>
    </message>
    <message>
        <source>the multiply-adds of one forward pass</source>
        <translation>一次前向传播的乘加次数</translation>
    </message>
    <message>
        <source>the negative slope must be a number, not %1</source>
        <translation>负斜率必须是一个数，而不是%1</translation>
    </message>
    <message>
        <source>the network expects images of %1×%2×%3 (channels × height × width) or a batch of them, but was given an array of shape %4</source>
        <translation>网络需要%1×%2×%3（通道 × 高 × 宽）的图像或一批这样的图像，却得到形状为%4的数组</translation>
    </message>
    <message>
        <source>the network has no conv or dense layer, so it has nothing to learn</source>
        <translation>网络中没有卷积层或全连接层，所以没有可学习的东西</translation>
    </message>
    <message>
        <source>the network spec has no &quot;%1&quot;</source>
        <translation>网络描述中没有 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the network takes %1×%2×%3 images but these are %4</source>
        <translation>网络接受%1×%2×%3的图像，但这些图像是%4</translation>
    </message>
    <message>
        <source>the normalisation %1 must be numbers, not %2</source>
        <translation>归一化的%1必须是数，而不是%2</translation>
    </message>
    <message>
        <source>the normalisation std must be above 0, not %1</source>
        <translation>归一化的 std 必须大于 0，而不是%1</translation>
    </message>
    <message>
        <source>the number of filters</source>
        <translation>滤波器个数</translation>
    </message>
    <message>
        <source>the number of layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>the number of outputs</source>
        <translation>输出个数</translation>
    </message>
    <message>
        <source>the number of values in all the maps</source>
        <translation>所有特征图中的数值总数</translation>
    </message>
    <message>
        <source>the number of weights</source>
        <translation>权重个数</translation>
    </message>
    <message>
        <source>the occlusion %1 must be a whole number of pixels ≥ 1, not %2</source>
        <translation>遮挡的%1必须是 ≥ 1 的整数个像素，而不是%2</translation>
    </message>
    <message>
        <source>the output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>the output padding (%1) must be smaller than the stride (%2) or the dilation (%3)</source>
        <translation>输出填充（%1）必须小于步长（%2）或膨胀（%3）</translation>
    </message>
    <message>
        <source>the output padding (%1) must be smaller than the stride (%2) or the dilation (%3): it only chooses among the sizes that a stride-%4 convolution would shrink back to %5</source>
        <translation>输出填充（%1）必须小于步长（%2）或膨胀（%3）：它只是在步长为%4的卷积会缩回到%5的那几个尺寸中做选择</translation>
    </message>
    <message>
        <source>the padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>the padding (%1) crops away the whole output: (%2 − 1)·%3 − 2·%4 + %5·(%6 − 1) + %7 + 1 = %8</source>
        <translation>填充（%1）把整个输出都裁掉了：(%2 − 1)·%3 − 2·%4 + %5·(%6 − 1) + %7 + 1 = %8</translation>
    </message>
    <message>
        <source>the padding mode must be one of %1, not %2</source>
        <translation>填充模式必须是%1之一，而不是%2</translation>
    </message>
    <message>
        <source>the pool size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <source>the schedule must be &quot;one-cycle&quot; or &quot;constant&quot;, not %1</source>
        <translation>学习率策略必须是 &quot;one-cycle&quot; 或 &quot;constant&quot;，而不是%1</translation>
    </message>
    <message>
        <source>the seed must be a whole number ≥ 0, not %1</source>
        <translation>随机种子必须是 ≥ 0 的整数，而不是%1</translation>
    </message>
    <message>
        <source>the spec</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>the spec entry is not text; this is not a ConvScope network</source>
        <translation>描述条目不是文本；这不是 ConvScope 网络</translation>
    </message>
    <message>
        <source>the spec holds %1, too large for a number</source>
        <translation>描述中含有%1，数值太大</translation>
    </message>
    <message>
        <source>the spec holds %1; settings must be finite numbers</source>
        <translation>描述中含有%1；设置必须是有限的数</translation>
    </message>
    <message>
        <source>the spec holds a whole number of %1 digits; settings have at most %2</source>
        <translation>描述中有一个%1位的整数；设置最多只有%2位</translation>
    </message>
    <message>
        <source>the spec is not UTF-8 text (byte %1 is 0x%2); save it as UTF-8</source>
        <translation>描述不是 UTF-8 文本（第%1个字节是 0x%2）；请以 UTF-8 保存</translation>
    </message>
    <message>
        <source>the spec is not valid JSON (%1 at line %2, column %3)</source>
        <translation>描述不是有效的 JSON（第%2行第%3列：%1）</translation>
    </message>
    <message>
        <source>the spec nests lists and objects more than %1 deep; a network spec never needs that</source>
        <translation>描述中的列表和对象嵌套超过%1层；网络描述从不需要这么深</translation>
    </message>
    <message>
        <source>the spec&apos;s size in bytes</source>
        <translation>描述的字节数</translation>
    </message>
    <message>
        <source>the stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>the stride must be a whole number or a (height, width) pair, not null</source>
        <translation>步长必须是一个整数或一对（高, 宽），不能是 null</translation>
    </message>
    <message>
        <source>there are %1 images and %2 labels; training needs one label per image, and at least one image</source>
        <translation>有%1幅图像和%2个标签；训练需要每幅图像一个标签，并且至少一幅图像</translation>
    </message>
    <message>
        <source>there are %1 images but %2 labels</source>
        <translation>有%1幅图像，却有%2个标签</translation>
    </message>
    <message>
        <source>there are weights for %1 layers but the network has %2</source>
        <translation>有%1层的权重，但网络有%2层</translation>
    </message>
    <message>
        <source>there is no image to explain: pass the image x the maps came from</source>
        <translation>没有可解释的图像：请传入产生这些特征图的图像 x</translation>
    </message>
    <message>
        <source>this .npz has no network spec; it was not written by ConvScope</source>
        <translation>这个 .npz 没有网络描述；它不是 ConvScope 写的</translation>
    </message>
    <message>
        <source>this is not a ConvScope network: a spec needs &quot;format&quot;: &quot;%1&quot;</source>
        <translation>这不是 ConvScope 网络：描述需要 &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>this kind of layer cannot be written as PyTorch code yet</source>
        <translation>这种层暂时还不能写成 PyTorch 代码</translation>
    </message>
    <message>
        <source>this network file has version %1; this ConvScope reads version %2 (it may come from a newer ConvScope)</source>
        <translation>这个网络文件的版本是%1；本 ConvScope 读取版本%2（它可能来自更新的 ConvScope）</translation>
    </message>
    <message>
        <source>this network file has version %1; this ConvScope reads version %2%3</source>
        <translation>这个网络文件的版本是%1；本 ConvScope 读取版本%2%3</translation>
    </message>
    <message>
        <source>training collapsed in epoch %1: every image now gets the same answer (the network&apos;s units stopped responding), so it cannot learn any more. The learning rate %2 is too high for this network; try %3</source>
        <translation>训练在第%1轮崩溃：现在每张图像都得到同样的答案（网络的单元不再响应），所以它再也学不动了。学习率%2对这个网络太高了；请试试%3</translation>
    </message>
    <message>
        <source>training diverged in epoch %1 (the loss became %2): the learning rate %3 is too high for this network; try a smaller one</source>
        <translation>训练在第%1轮发散（损失变成%2）：学习率%3对这个网络太高了，请试一个更小的</translation>
    </message>
    <message>
        <source>training needs a network that ends in softmax over a flat vector (… → dense → softmax): it learns by comparing those probabilities with the right answers</source>
        <translation>训练需要以一维向量上的 softmax 结尾的网络（… → 全连接 → softmax）：它通过把这些概率与正确答案比较来学习</translation>
    </message>
    <message>
        <source>transposed conv %1</source>
        <translation>转置卷积%1</translation>
    </message>
    <message>
        <source>transposes its input (transA=1); ConvScope multiplies images as rows</source>
        <translation>转置了它的输入（transA=1）；ConvScope 把图像作为行向量相乘</translation>
    </message>
    <message>
        <source>unit %1 is outside layer %2&apos;s output of shape %3</source>
        <translation>单元%1超出了第%2层形状为%3的输出</translation>
    </message>
    <message>
        <source>unit (%1, %2) is outside the %3×%4 map of layer %5</source>
        <translation>单元 (%1, %2) 超出了第%5层%3×%4的特征图</translation>
    </message>
    <message>
        <source>unknown layer type %1 (did you mean %2?); known types: %3</source>
        <translation>未知的层类型%1（是不是指%2？）；已知类型：%3</translation>
    </message>
    <message>
        <source>unknown layer type %1; known types: %2</source>
        <translation>未知的层类型%1；已知类型：%2</translation>
    </message>
    <message>
        <source>unknown optimizer %1: choose one of %2</source>
        <translation>未知的优化器%1：请从%2中选择</translation>
    </message>
    <message>
        <source>upto</source>
        <translation>upto</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>would build a constant of shape %1, too large</source>
        <translation>会构造形状为%1的常量，太大了</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>零</translation>
    </message>
    <message>
        <source>±1 template of the X/O example matching a ╱ stroke; divided by 9 so a perfect match scores 1.</source>
        <translation>X/O 例子中匹配 ╱ 笔画的 ±1 模板；除以 9，完全吻合时得 1。</translation>
    </message>
    <message>
        <source>±1 template of the X/O example matching a ╲ stroke; divided by 9 so a perfect match scores 1.</source>
        <translation>X/O 例子中匹配 ╲ 笔画的 ±1 模板；除以 9，完全吻合时得 1。</translation>
    </message>
    <message>
        <source>±1 template of the X/O example matching the crossing of an X; divided by 9 so a perfect match scores 1.</source>
        <translation>X/O 例子中匹配 X 交叉处的 ±1 模板；除以 9，完全吻合时得 1。</translation>
    </message>
</context>
<context>
    <name>naming</name>
    <message>
        <source>%1 · channel %2</source>
        <translation>%1 · 通道%2</translation>
    </message>
    <message>
        <source>%1 · class %2</source>
        <translation>%1 · 类别%2</translation>
    </message>
    <message>
        <source>%1 · filter %2</source>
        <translation>%1 · 滤波器%2</translation>
    </message>
    <message>
        <source>%1 · row %2 · col %3</source>
        <translation>%1 · 行%2 · 列%3</translation>
    </message>
    <message>
        <source>%1 · unit %2</source>
        <translation>%1 · 单元%2</translation>
    </message>
    <message>
        <source>input %1</source>
        <extracomment>the colour channels of a 3-channel input, in order</extracomment>
        <translation>输入%1</translation>
    </message>
    <message>
        <source>input channel %1</source>
        <translation>输入通道%1</translation>
    </message>
</context>
<context>
    <name>samples</name>
    <message>
        <source>%1 is %2×%3 pixels, too large to load: ConvScope reads images of up to %4 pixels (for example 8192×8192). Scale it down first.</source>
        <translation>%1为%2×%3像素，太大无法加载：ConvScope 读取最多%4像素的图像（例如 8192×8192）。请先缩小它。</translation>
    </message>
    <message>
        <source>%1 is not an image ConvScope can read (PNG, JPEG, BMP, GIF).</source>
        <translation>%1不是 ConvScope 能读取的图像（PNG、JPEG、BMP、GIF）。</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <extracomment>pixels of the largest image file read (its header is checked before it is decoded)</extracomment>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
</context>
</TS>
